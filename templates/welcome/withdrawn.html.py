BBBBBBB BBBBBBBBBBB
BBBB BBBB
BBBBB BBBBB gettext(u'Your project is withdrawn') BBBBBBBB
BBBBB BBBBBBBBBBXXXXXXBBBBBBBB
BBBBB BBBBBBB
  XXXX gettext(u'Your project is withdrawn') XXXXX
  XXXX XXXXXXXXXXXXX
    XXX gettext(u'Your data is erased. If you change your mind, you are welcome to send a new project.') XXXX
    XXXXX XXXXXXBBB BBBBBBBBBBBBBBBXX gettext(u'Come and live and work in the Gers') XXXXXXXX
  XXXXXX
BBBBBBBB
