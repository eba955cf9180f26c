BBBBBBB BBBBBBBBBBB
BBBB BBBB
BBBBB BBBBB gettext(u'Your project is sent') BBBBBBBB
BBBBB BBBBBBBBBBXXXXXXBBBBBBBB
BBBBB BBBBBBB
  XXXX gettext(u'Thank you, your project is sent') XXXXX
  XXXX XXXXXXXXXXXXX
    XXX gettext(u'We have sent you an e-mail with a private link: open it to follow your project, answer our questions and write to us. Keep that e-mail; anyone with the link can read your project.') XXXX
    XXX gettext(u'The programme team reads every project within a few working days.') XXXX
    XX XXXXXXXXXXXXXBBB BBBBBBBBBBBBBBBBBBBBBB BB BBBBBBBB gettext(u'No e-mail after a few minutes? Look in your spam folder, or <a href="%(link_url)s">ask for a new link</a>.') SS SSSSSS SSSSS S SSS SSSSSSSS SSSS SS SSSS SSSS SSSSSSS SS SS SSSSSSSSSSSSSSSSSSSSSSS SSS S SSS SSSSSSSSSXXXX
  XXXXXX
BBBBBBBB
