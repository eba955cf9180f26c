BBBB BBBBBBBBBBBBBB BBB gettext(u'Hello,') 

BBBBBBB BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB

 gettext(u'Your private page, to follow your project and write to us:') 


 gettext(u'The link works for %(valid_days)s days; each of our e-mails brings a fresh one. Keep it to yourself: anyone with it can read your project.') SSS SSSS SSSSS SSS SSSSSSSSSSSSSS SSSSS SSSS SS SSS SSSSSSS SSSSSS S SSSSS SSSS SSSS SS SS SSSSSSSSS SSSSSS SSSS SS SSS SSSS SSSS SSSSSSSS

X  gettext(u'The Sohosolo programme team, chamber of commerce of the Gers') BBBBBBBBBBBBB
