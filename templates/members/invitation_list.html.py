BBBBBBB BBBBBBBBBBB
BBBB BBBB
BBBBB BBBBB gettext(u'Invitations') BBBBBBBB
BBBBB BBBBBBB
  XXXX XXXXXXXXXXXXXXXXXXXX
    XXXX gettext(u'Invite someone to the network') XXXXX
    XX XXXXXXXXXXXXX gettext(u'The person receives an e-mail with a personal link, valid for 14 days, to create their account.') XXXX
  XXXXXX
  XXXX XXXXXXXXXXX XXXXXXXXX
    XXXXXXXX XXXXXXXXXXXXXXXXXXXXXXX
      XXX XXXXXXXXXX gettext(u'Invitations you sent') XXXXX
      BB BBBBBBBBBBB
        XXXX XXXXXXXXXXXXXXXXXXX
          XXXXXXX
            XXXXXXX
              XXXX
                XXX XXXXXXXXXXXX gettext(u'E-mail address') XXXXX
                XXX XXXXXXXXXXXX gettext(u'Committee') XXXXX
                XXX XXXXXXXXXXXX gettext(u'Status') XXXXX
                XXX XXXXXXXXXXXXXXXXX XXXXXXXXXXXXXXXXXXXXXXXX gettext(u'Actions') XXXXXXXXXXXX
              XXXXX
            XXXXXXXX
            XXXXXXX
              BBB BBBBBBBBBB BB BBBBBBBBBBB
                XXXX
                  XXXXXXXXXXXXX XXXXXXXXXXXXX gettext(u'sent on %(date)s') SSSS SS SSSSSSSSXXXXXXXXXXXX
                  XXXXFFFFFFFFFFFXXXXX
                  XXXXXXXXX XXXXXXXXXXXXBB BBBBBBBBBBBBBBBBB BB BBBBBBBBB BBB BBBBBBBBBBBBBBBBB BB BBBBBBBBBB XXXXXXXXXXXXBBBBBXXXXXXXXXXXXXX
                  XXXX
                    BB BBBBBBBBBBBBBBBBB BB BBBBBBBBB
                      XXXXX XXXXXXXXXXXXX XXXXXXXXBBB BBBBBBBBBBBBBBBBBBBBBBBBBBB BBBBBBBBBBBBBXX
                        BBBBBBBBBB
                        XXXXXXX XXXXXXXXXXXXX XXXXXXXXXXXXXXXXXXXXX XXXXXXXXXXXXXX XXXXXXXXXXXX gettext(u'Revoke the invitation to %(email)s') SSSSSS SSS SSSSSSSSSS SS SSSSSSSSSXX gettext(u'Revoke') XXXXXXXXX
                      XXXXXXX
                    BBBBB
                  XXXXX
                XXXXX
              BBBBBB
            XXXXXXXX
          XXXXXXXX
        XXXXXX
      BBBB
        XXX gettext(u'You have not sent any invitation yet.') XXXX
      BBBBB
    XXXXXXXXXX
    XXXXXXXX XXXXXXXXXXXX XXXXXXXXXXXXXXXXXXXXXX
      XXX XXXXXXXXX gettext(u'New invitation') XXXXX
      XXXXX XXXXXXXXXXXXX XXXXXXXXXXX
        BBBBBBBBBB
        
        XXXXXXX XXXXXXXXXXXXXX gettext(u'Send the invitation') XXXXXXXXX
      XXXXXXX
    XXXXXXXXXX
  XXXXXX
BBBBBBBB
