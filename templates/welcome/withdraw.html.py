BBBBBBB BBBBBBBBBBB
BBBB BBBB
BBBBB BBBBB gettext(u'Withdraw our project') BBBBBBBB
BBBBB BBBBBBBBBBXXXXXXBBBBBBBB
BBBBB BBBBBBB
  XXXX gettext(u'Withdraw our project and erase our data') XXXXX
  XXXX XXXXXXXXXXXXX
    XXX gettext(u"Your project is closed and everything that identifies you is erased at once: names, addresses, your answers and your conversation with the team. Only anonymous dates stay, for the programme's figures. This cannot be undone.") XXXX
    XXXXX XXXXXXXXXXXXXX
      BBBBBBBBBB
      XXXXXXX XXXXXXXXXXXXX XXXXXXXXXXXXXXXXXXXXXXX gettext(u'Withdraw and erase') XXXXXXXXX
      XX XXXXXXBBB BBBBBBBBBBBBBBBBBBBBXX gettext(u'Cancel') XXXX
    XXXXXXX
  XXXXXX
BBBBBBBB
