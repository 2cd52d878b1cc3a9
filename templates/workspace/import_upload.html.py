BBBBBBB BBBBBBBBBBBBBBBBBBBBBBBBBBBB BBBB
BBBBB BBBBB gettext(u'Import a spreadsheet') BBBBBBBB
BBBBB BBBBBBBBB
XXXX gettext(u'Import a spreadsheet') XXXXX
XX XXXXXXXXXXXXX gettext(u'You will see what each row would do before anything is written.') XXXX
BBBBBBB BBBBBBBBBBBBBBBBBBBBBBBB
XXXXX XXXXXXXXXXXXX XXXXXXXXXXXXXXXXXXXXXXXXXXXXX XXXXXXXXXXXBBBBBBBBBB
  XXXXXXXXX XXXXXXXXXXXXXX
    XXXXXXXXXXXXXXXXX
    BBB BBBBB BB BBBBBBBBBXXXX XXXXXXXXXXXXXXXXX XXXXXX XXXXXXXXXXXXXXXXXXXXXBBBBBB
  XXXXXXXXXXX
  BBBBBBB BBBBBBBBBBBBBBBBBBBBBBB BBBB BBBBBBBBBBBBBBB
  XXXXXXX XXXXXXXXXXXXXX gettext(u'Check the file') XXXXXXXXX
XXXXXXX
XXXXXXXXX
  XXXXXXXXX gettext(u'Which columns are read') XXXXXXXXXX
  XXX gettext(u'People: name (or first name and last name), e-mail (required), phone, organisation, position, municipality, tags (separated by commas), notes.') XXXX
  XXX gettext(u'Organisations: name (required), short name, kind, municipality, SOS member (yes/no), website, country, notes.') XXXX
  XXX gettext(u'Column names may be in Slovenian or English, e.g. “Ime in priimek”, “E-pošta”, “Organizacija”, “Občina”. Cells left empty never erase what the portal already holds.') XXXX
XXXXXXXXXX
BB BBBBBB
XXXX gettext(u'Recent imports') XXXXX
XXXXXXXXXXXXXXXXXXXXX XXXXXXXXXXXX gettext(u'File') XXXXXXXX XXXXXXXXXXXX gettext(u'Status') XXXXXXXX XXXXXXXXXXXX gettext(u'Uploaded') XXXXXXXX XXXXXXXXXXXX gettext(u'By') XXXXXXXXXXXXXXXXXX
XXXXXXXBBB B BB BBBBBBXXXXXXX XXXXXXXXXXXXXX XXXXXXBBB BBBBBBBBBBBBBBBBBB BBBBXXXXXXXXXXXXXXXXXXXXXXXXFFFFFFFFFFFFFFFFFFFFFFFFFFFFXXXXXXXXXFFFFFFFFFFFXXXXXXXXXXBBBBBBXXXXXXXXXXXXXXXX
BBBBB
BBBBBBBB
