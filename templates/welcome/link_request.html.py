BBBBBBB BBBBBBBBBBB
BBBB BBBB
BBBBB BBBBB gettext(u'A new link to your project') BBBBBBBB
BBBBB BBBBBBBBBBXXXXXXBBBBBBBB
BBBBB BBBBBBB
  XXXX gettext(u'A new link to your project') XXXXX
  XXXX XXXXXXXXXXXXX
    BB BBBB
      XX XXXXXXXXXXXXXX gettext(u'If a project was sent with %(sent)s, a new link is on its way to that address. Earlier links no longer work.') SS S SSSSSSS SSS SSSS SSSS SSSSSSSSS S SSS SSSS SS SS SSS SSS SS SSSS SSSSSSSS SSSSSSS SSSSS SS SSSSSS SSSSSXXXX
    BBBB
      BB BBBBBBBBXX XXXXXXXXXXXXXX XXXXXXXXXXXXXXX XXXXXXXXXXXXX gettext(u'Too many links were asked for. Try again in an hour.') XXXXBBBBB
      XXX gettext(u'Give the e-mail address you sent your project with: we send a new private link there.') XXXX
      XXXXX XXXXXXXXXXXXX XXXXXXXXXXX
        BBBBBBBBBB
        
        XXXXXXX XXXXXXXXXXXXXX gettext(u'Send me a new link') XXXXXXXXX
      XXXXXXX
    BBBBB
  XXXXXX
  XXXXX XXXXXXBBB BBBBBBBBBBBBBBBXX gettext(u'Send a new installation project') XXXXXXXX
BBBBBBBB
