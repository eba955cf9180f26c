BBBBBBB BBBBBBBBBBBBBBBBBBBBBBBBBBBB
BBBB BBBB BBBBBBB
BBBBB BBBBBBBBBB gettext(u'Log in') BBBBBBBB
BBBBB BBBBBBB
  XXXX gettext(u'Log in to Sohosolo') XXXXX
  XX XXXXXXXXXXXXX gettext(u"The intranet of the Gers remote workers' network. Members join by invitation.") XXXX
  BBB BBBBBBBBBBBBBBB BB BBBBBBBBB
  XXXXX XXXXXXXXXXXXX XXXXXXXXX XXXXXXXXXXXXX
    BBBBBBBBBB
    
    
    XXXXXXX XXXXXXXXXXXXXX gettext(u'Log in') XXXXXXXXX
  XXXXXXX
  XX XXXXXXXXXXXXX gettext(u'No account yet? Ask a member of your village committee or the programme team at contact@sohosolo.example for an invitation.') XXXX
BBBBBBBB
