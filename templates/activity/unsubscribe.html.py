BBBBBBB BBBBBBBBBBB
BBBB BBBB
BBBBB BBBBB gettext(u'Stop these e-mails') BBBBBBBB
BBBBB BBBBBBB
  XXXX XXXXXXXXXXX XXXXXXXX
    XXXX gettext(u'Stop these e-mails') XXXXX
    BB BBBBB
      XX XXXXXXXXXXXXX  gettext(u'Choose your e-mails from your notification settings once logged in.') XXXX
      XXXXX XXXXXXBBB BBBBBBBBBBBBBBBBBBBBBBXX gettext(u'My notification settings') XXXXXXXX
    BBBB BBBB
      XX XXXXXXXXXXXXXX gettext(u'Done: you will no longer receive e-mails for “%(kind)s”. These notifications stay visible in the intranet.') SSSSS SSS SSSS SS SSSSSS SSSSSSS SSSSSSS SSS SSSSSSSSSSS SSSSS SSSSSSSSSSSSS SSSS SSSSSSS SS SSS SSSSSSSSSXXXX
      XXXXX XXXXXXBBB BBBBBBBBBBBBBBBBBBBBBBXX gettext(u'My notification settings') XXXXXXXX
    BBBB
      XXX gettext(u'Stop receiving e-mails for “%(kind)s”? These notifications will stay visible in the intranet.') SSSS SSSSSSSSS SSSSSSS SSS SSSSSSSSSSS SSSSS SSSSSSSSSSSSS SSSS SSSS SSSSSSS SS SSS SSSSSSSSSXXXX
      XXXXX XXXXXXXXXXXXXX
        XXXXXXX XXXXXXXXXXXXXX gettext(u'Stop these e-mails') XXXXXXXXX
      XXXXXXX
    BBBBB
  XXXXXX
BBBBBBBB
