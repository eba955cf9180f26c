BBBBBBB BBBBBBBBBBBBBBBBBBBBBBBBBBBB
BBBB BBBB
BBBBB BBBBBBBBBB gettext(u'Joining by invitation') BBBBBBBB
BBBBB BBBBBBB
  XXXX gettext(u'The network is joined by invitation') XXXXX
  XXXX XXXXXXXXXXXXX
    XXX gettext(u'There is no open sign-up. A village committee référent or the programme team invites each new member by e-mail.') XXXX
    XXXXX XXXXXXBBB BBBBBBBBBBBBBBBXX gettext(u'Back to the login page') XXXXXXXX
  XXXXXX
BBBBBBBB
