BBBB BBBBBBBBBBBBBB BBB gettext(u'A change of e-mail address was asked for your Sohosolo account') BBBBBBBBBBBBB
