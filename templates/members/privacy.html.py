BBBBBBB BBBBBBBBBBB
BBBB BBBB
BBBBB BBBBB gettext(u'Privacy') BBBBBBBB
BBBBB BBBBBBB
  XXXXXXXX XXXXXXXXXXXXXX XXXXXXX
    XXXX gettext(u'Your personal data on the intranet') XXXXX
    XX XXXXXXXXXXXXX gettext(u'The Sohosolo intranet is run by the Gers chamber of commerce (CCI) for the members of the network. This page says what we keep about you, why, and for how long.') XXXX
    XXXX gettext(u'What we keep and why') XXXXX
    XXXX
      XXXX gettext(u'Your account (name, e-mail address, password stored as a hash, language): to let you log in and to write to you.') XXXXX
      XXXX gettext(u'Your profile (what you choose to fill in: photo, profession, skills, commune, links…): so that members can find each other. You decide who sees your e-mail, phone and commune.') XXXXX
      XXXX gettext(u'Your committee memberships and roles, the members and committees you follow: to run the committees and show you their news.') XXXXX
      XXXX gettext(u'Your open sessions (date, IP address, browser): to keep your account safe and let you end a session you do not recognise.') XXXXX
      XXXX gettext(u'The invitations you send: the invited address, until the invitation is used or expires.') XXXXX
    XXXXX
    XXXX gettext(u'How long') XXXXX
    XXX gettext(u'As long as your account exists. Unused invitations expire after 14 days. When you delete your account, your personal data is erased at once; what you wrote in shared spaces stays, shown as written by “Ancien membre”.') XXXX
    XXXX gettext(u'Your rights') XXXXX
    XXX gettext(u'From your account page you can download all your data and delete your account. For any other request (correction, objection), write to contact@sohosolo.example. You may also complain to the CNIL (cnil.fr).') XXXX
    XXXX gettext(u'What we never do') XXXXX
    XXX gettext(u'No advertising, no tracking, no data sold or given to third parties, no call to outside services: the intranet works without CDN or external fonts.') XXXX
  XXXXXXXXXX
BBBBBBBB
