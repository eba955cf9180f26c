BBBB BBBBBBBBBBBBBB BBB gettext(u'Hello,') 

BB BBBBBBBBBBBBBBBBBB gettext(u'%(inviter)s invites you to join the intranet of Sohosolo, the network of remote workers who chose the Gers.') SSSSSSSSSSS SSSSSSS SSS SS SSSS SSS SSSSSSSS SS SSSSSSSSS SSS SSSSSSS SS SSSSSS SSSSSSS SSS SSSSS SSS SSSSSBBBB gettext(u'You are invited to join the intranet of Sohosolo, the network of remote workers who chose the Gers.') BBBBBBB BBBBBBBBBBBBBBBBBBBB
 gettext(u'You will join the %(committee)s.') SSS SSSS SSSS SSS SSSSSSSSSSSSSSBBBBB
BB BBBBBBBBBBBBBBBBBB

BBBBB
 gettext(u'To create your account, open this personal link:') 


 gettext(u'The link can be used once, until %(date)s.') SSS SSSS SSS SS SSSS SSSSS SSSSS SSSSSSSSS
 gettext(u'If you did not expect this invitation, you can ignore this e-mail.') 

X  gettext(u'The Sohosolo team') BBBBBBBBBBBBB
