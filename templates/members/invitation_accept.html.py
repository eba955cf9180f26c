BBBBBBB BBBBBBBBBBB
BBBB BBBB
BBBBB BBBBB gettext(u'Join the network') BBBBBBBB
BBBBB BBBBBBBBBBXXXXXXBBBBBBBB
BBBBB BBBBBBB
  XXXX gettext(u'Join the Sohosolo network') XXXXX
  XX XXXXXXXXXXXXX
    BB BBBBBBBBBBBBBBBBBB
       gettext(u"%(inviter)s invites you to join the intranet of the Gers remote workers' network.") SSSSSSSSSSS SSSSSSS SSS SS SSSS SSS SSSSSSSS SS SSS SSSS SSSSSS SSSSSSSS SSSSSSSS
    BBBB
       gettext(u"You are invited to join the intranet of the Gers remote workers' network.") 
    BBBBB
    BB BBBBBBBBBBBBBBBBBBBB
       gettext(u'You will join the %(committee)s.') SSS SSSS SSSS SSS SSSSSSSSSSSSSS
    BBBBB
  XXXX
  BB BBBBBBBBBBBBBBBBBB
    XXXXXXXXXXX XXXXXXXXXXXXXFFFFFFFFFFFFXXXXXXXXXXXXX
  BBBBB
  XXXXX XXXXXXXXXXXXX XXXXXXXXXXXX XXXXXXXXXXX
    BBBBBBBBBB
    XXX gettext(u'Your account will use the address <strong>%(email)s</strong>.') SSSS SSSSSSS SSSS SSS SSS SSSSSSS SSSSSSSSSSSSSSSSSSSSSSSSSSSXXXX
    
    XXXXXXX XXXXXXXXXXXXXX gettext(u'Create my account') XXXXXXXXX
  XXXXXXX
BBBBBBBB
