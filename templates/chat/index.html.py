BBBBBBB BBBBBBBBBBB
BBBB BBBB
BBBBB BBBBB gettext(u'Chat') BBBBBBBB
BBBBB BBBBBBB
  XXXX XXXXXXXXXXXXXXXXXXXX
    XXXX gettext(u'Chat') XXXXX
    XX XXXXXXXXXXXXX gettext(u"The network's rooms, your committees' rooms and your conversations. To write to one or more members, start a new conversation, or choose « Send a message » on a profile.") XXXX
  XXXXXX
  BBBBBBB BBBBBBBBBBBBBBBBBBBBBBBBBBBBBB
BBBBBBBB
