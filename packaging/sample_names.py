"""Names for the embedded sample: Ukraine's regions and the neighbouring countries (the
places and their names come from the built-in settlements).

English names use the conventional spellings (Kyiv, Odesa, Zaporizhzhia); Ukrainian names
are the official forms. Region ids follow ISO 3166-2:UA.
"""

# Natural Earth FIPS code -> (ISO 3166-2 id, English name, Ukrainian name)
REGIONS = {
    "UP01": ("UA-71", "Cherkasy Oblast", "Черкаська область"),
    "UP02": ("UA-74", "Chernihiv Oblast", "Чернігівська область"),
    "UP03": ("UA-77", "Chernivtsi Oblast", "Чернівецька область"),
    "UP04": ("UA-12", "Dnipropetrovsk Oblast", "Дніпропетровська область"),
    "UP05": ("UA-14", "Donetsk Oblast", "Донецька область"),
    "UP06": ("UA-26", "Ivano-Frankivsk Oblast", "Івано-Франківська область"),
    "UP07": ("UA-63", "Kharkiv Oblast", "Харківська область"),
    "UP08": ("UA-65", "Kherson Oblast", "Херсонська область"),
    "UP09": ("UA-68", "Khmelnytskyi Oblast", "Хмельницька область"),
    "UP10": ("UA-35", "Kirovohrad Oblast", "Кіровоградська область"),
    "UP11": ("UA-43", "Autonomous Republic of Crimea", "Автономна Республіка Крим"),
    "UP12": ("UA-30", "Kyiv", "м. Київ"),
    "UP13": ("UA-32", "Kyiv Oblast", "Київська область"),
    "UP14": ("UA-09", "Luhansk Oblast", "Луганська область"),
    "UP15": ("UA-46", "Lviv Oblast", "Львівська область"),
    "UP16": ("UA-48", "Mykolaiv Oblast", "Миколаївська область"),
    "UP17": ("UA-51", "Odesa Oblast", "Одеська область"),
    "UP18": ("UA-53", "Poltava Oblast", "Полтавська область"),
    "UP19": ("UA-56", "Rivne Oblast", "Рівненська область"),
    "UP20": ("UA-40", "Sevastopol", "м. Севастополь"),
    "UP21": ("UA-59", "Sumy Oblast", "Сумська область"),
    "UP22": ("UA-61", "Ternopil Oblast", "Тернопільська область"),
    "UP23": ("UA-05", "Vinnytsia Oblast", "Вінницька область"),
    "UP24": ("UA-07", "Volyn Oblast", "Волинська область"),
    "UP25": ("UA-21", "Zakarpattia Oblast", "Закарпатська область"),
    "UP26": ("UA-23", "Zaporizhzhia Oblast", "Запорізька область"),
    "UP27": ("UA-18", "Zhytomyr Oblast", "Житомирська область"),
}

# Natural Earth files these two under Russia; the sample shows Ukraine's internationally
# recognised borders, so they are taken as Ukrainian regions (and cut out of Russia).
CRIMEA_FIPS = ("UP11", "UP20")

# ISO 3166-1 alpha-3 (Natural Earth countries layer) -> (region id, English, Ukrainian)
CONTEXT = {
    "RUS": ("RU", "Russia", "Росія"),
    "BLR": ("BY", "Belarus", "Білорусь"),
    "POL": ("PL", "Poland", "Польща"),
    "SVK": ("SK", "Slovakia", "Словаччина"),
    "HUN": ("HU", "Hungary", "Угорщина"),
    "ROU": ("RO", "Romania", "Румунія"),
    "MDA": ("MD", "Moldova", "Молдова"),
}
