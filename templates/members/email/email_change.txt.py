BBBB BBBBBBBBBBBBBB BBB gettext(u'Hello %(name)s,') SSSSS SSSSSSSSS

 gettext(u'To use this address for your Sohosolo account, open this link (valid 24 hours):') 


 gettext(u'If you did not ask for this change, ignore this e-mail: nothing will change.') 

X  gettext(u'The Sohosolo team') BBBBBBBBBBBBB
