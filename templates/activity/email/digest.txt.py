BBBB BBBBBBBBBBBBBB BBB gettext(u'Hello %(name)s,') SSSSS SSSSSSSSS

BB BBBBBBBBB BB BBBBBBB gettext(u'Here is what happened for you in the network since your last digest.') BBBB gettext(u'Here is what happened for you in the network this week.') BBBBB
BBB BBBBBB BBBBBB BBBBBBBBBBB BB BBBBBBBB
XX 
BBB BBBBBBBBBBBB BB BBBBB
X  BBBBBB
 gettext(u'Leave this out of the digest:')  
BBBBBB
 gettext(u'All your notifications:')  

X  gettext(u'The Sohosolo team') 
 gettext(u'Stop the digest:')  
 gettext(u'Choose which notifications you receive by e-mail:')  BBB BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB
