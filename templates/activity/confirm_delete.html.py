BBBBBBB BBBBBBBBBBB
BBBB BBBB
BBBBB BBBBB gettext(u'Delete') BBBBBBBB
BBBBB BBBBBBB
  XXXX XXXXXXXXXXX XXXXXXXX
    XXXXBB BBBBBBBBBBBBBB gettext(u'Delete this comment?') BBBB gettext(u'Delete this post?') BBBBBXXXXX
    XXXXXXXXXXX XXXXXXXXXXXXXXFFFFFFFFFFFFFFFFFXXXXXXXXXXXXX
    XXXBB BBBBBBBBBBBBBB gettext(u'It will disappear for everyone. This cannot be undone.') BBBB gettext(u'It will disappear for everyone, with its comments and reactions. This cannot be undone.') BBBBBXXXX
    XXXXX XXXXXXXXXXXXX XXXXXXXXXXXXXXXX
      BBBBBBBBBB
      XXXXXXX XXXXXXXXXXXXX XXXXXXXXXXXXXXXXXXXXXXX gettext(u'Delete') XXXXXXXXX
      XX XXXXXXXX gettext(u'Cancel') XXXX
    XXXXXXX
  XXXXXX
BBBBBBBB
