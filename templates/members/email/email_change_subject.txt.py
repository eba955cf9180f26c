BBBB BBBBBBBBBBBBBB BBB gettext(u'Confirm your new e-mail address on Sohosolo') BBBBBBBBBBBBB
