BBBB BBBBBBBBBBBBBB BBB gettext(u'Hello %(name)s,') SSSSS SSSSSSSSS

 gettext(u'Someone logged in to your account asked to use %(new_email)s as its e-mail address. The change happens only once that address confirms it.') SSSSSSS SSSSSS SS SS SSSS SSSSSSS SSSSS SS SSS SSSSSSSSSSSSS SS SSS SSSSSS SSSSSSSS SSS SSSSSS SSSSSSS SSSS SSSS SSSS SSSSSSS SSSSSSSS SSS

 gettext(u'If it was not you, change your password now and tell the programme team at contact@sohosolo.example.') 

X  gettext(u'The Sohosolo team') BBBBBBBBBBBBB
