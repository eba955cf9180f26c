BBBBBBB BBBBBBBBBBB
BBBB BBBB
BBBBB BBBBB gettext(u'Delete my account') BBBBBBBB
BBBBB BBBBBBBBBBXXXXXXBBBBBBBB
BBBBB BBBBBBB
  XX XXXXXXXXXXXXXXX XXXXXXBBB BBBBBBBBBBBBBBBBBXX gettext(u'My account') XXXXXXXX
  XXXX gettext(u'Delete my account') XXXXX
  XXXX XXXXXXXXXXXXX
    XXX gettext(u'Your profile, photo, committee memberships, follows, pending invitations, private feed addresses and open sessions will be erased at once.') XXXX
    XXX gettext(u'What you wrote in shared spaces stays, shown as written by “Ancien membre”, so that conversations keep making sense.') XXXX
    XXXXX XXXXXXBBB BBBBBBBBBBBBBBBBBBBBBBBXX gettext(u'Download my data first (ZIP)') XXXXXXXX
  XXXXXX
  XXXXX XXXXXXXXXXXXX XXXXXXXXXXXX XXXXXXXXXXX
    BBBBBBBBBB
    
    XXXXXXX XXXXXXXXXXXXX XXXXXXXXXXXXXXXXXXXXXXX gettext(u'Delete my account for good') XXXXXXXXX
  XXXXXXX
BBBBBBBB
