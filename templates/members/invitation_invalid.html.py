BBBBBBB BBBBBBBBBBB
BBBB BBBB
BBBBB BBBBB gettext(u'Invitation link not valid') BBBBBBBB
BBBBB BBBBBBBBBBXXXXXXBBBBBBBB
BBBBB BBBBBBB
  XXXX gettext(u'This invitation link cannot be used') XXXXX
  XXXX XXXXXXXXXXXXX
    BB BBBBBB BB BBBBBBBBB
      XXX gettext(u'This invitation has expired: invitations are valid for 14 days.') SSSS SSSSSSSSSS SSS SSSSSSSS SSSSSSSSSSS SSS SSSSS SSS SS SSSSSXXXX
    BBBB BBBBBB BB BBBBBBBBBB
      XXX gettext(u'This invitation has already been used to create an account.') XXXX
      XXXXX XXXXXXBBB BBBBBBBBBBBBBBBXX gettext(u'Log in with your e-mail address and password') XXXXXXXX
    BBBB BBBBBB BB BBBBBBBBB
      XXX gettext(u'This invitation was cancelled by the person who sent it.') XXXX
    BBBB
      XXX gettext(u'We do not know this invitation link. Check that you copied it whole from the e-mail.') XXXX
    BBBBB
    BB BBBBBB BB BBBBBBBBBB
      XXX gettext(u'Ask the person who invited you, or the programme team at contact@sohosolo.example, for a new invitation.') XXXX
    BBBBB
  XXXXXX
BBBBBBBB
