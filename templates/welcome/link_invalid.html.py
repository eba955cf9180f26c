BBBBBBB BBBBBBBBBBB
BBBB BBBB
BBBBB BBBBB gettext(u'This link cannot be used') BBBBBBBB
BBBBB BBBBBBBBBBXXXXXXBBBBBBBB
BBBBB BBBBBBB
  XXXX gettext(u'This link cannot be used') XXXXX
  XXXX XXXXXXXXXXXXX
    BB BBBBBB BB BBBBBBBBB
      XXX gettext(u'This link has expired: for your privacy, links work for a limited time. Ask for a new one, it takes a minute.') XXXX
    BBBB
      XXX gettext(u'We do not know this link, or a newer one replaced it. Use the link of your latest e-mail, or ask for a new one.') XXXX
    BBBBB
    XXXXX XXXXXXXXXXXXX XXXXXXXXBBB BBBBBBBBBBBBBBBBBBBBBBX XXXXXXXXXXX
      BBBBBBBBBB
      
      XXXXXXX XXXXXXXXXXXXXX gettext(u'Send me a new link') XXXXXXXXX
    XXXXXXX
  XXXXXX
BBBBBBBB
