BBBB BBBB
XXXXXXX XXXXXXXXXXXXXXXXXXXX
  XXXX XXXXXXXXXXXXXXXXXX
    XXX gettext(u'Sohosolo — the network of remote workers who chose the Gers, run by the Gers chamber of commerce.') XXXX
    XXX gettext(u'Need help? Write to the programme team:')  XX XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX
    XXXXX XXXXXXBBB BBBBBBBBBXX gettext(u'Privacy') XXXXXXXX
  XXXXXX
XXXXXXXXX
