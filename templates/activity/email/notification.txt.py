BBBB BBBBBBBBBBBBBB BBB



X  gettext(u'The Sohosolo team') 
 gettext(u'Stop these e-mails:')  
 gettext(u'Choose which notifications you receive by e-mail:')  BBB BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB
