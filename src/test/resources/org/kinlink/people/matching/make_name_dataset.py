#!/usr/bin/env python3
"""Generates the labelled name-matching data set (persons.tsv, queries.tsv) beside this script.

Every person is fictional: random combinations of common Iranian, Kurdish and Arab given names and
family names, with a block list that keeps out the combinations known from public life. Variant
spellings come from the tables below (how these names are really written in Latin and in Persian or
Arabic script), never from the matcher, so the evaluation measures the matcher against independent
knowledge. Run `python3 make_name_dataset.py` to regenerate; the output is deterministic.
"""
import os
import random

random.seed(int(os.environ.get("SEED", "20260521")))
HERE = os.path.dirname(os.path.abspath(__file__))
ZWNJ = "\u200c"

# id: (canonical Latin, native with '|' at compound joints, joiner used in the canonical native
#      spelling, other Latin spellings, gender)
GIVEN = {
    "mohammad": ("Mohammad", "محمد", "", ["Muhammad", "Mohamad", "Mohammed", "Mohamed"], "m"),
    "ali": ("Ali", "علی", "", ["Aly", "ALI"], "m"),
    "hossein": ("Hossein", "حسین", "", ["Hussein", "Hosein", "Husain", "Husayn", "Hossain"], "m"),
    "hassan": ("Hassan", "حسن", "", ["Hasan"], "m"),
    "reza": ("Reza", "رضا", "", ["Riza", "Redha"], "m"),
    "mehdi": ("Mehdi", "مهدی", "", ["Mahdi", "Mehdy"], "m"),
    "mohammadreza": ("Mohammadreza", "محمد|رضا", "", ["Mohammad Reza", "Mohammad-Reza", "Muhammad Reza", "Mohamadreza"], "m"),
    "alireza": ("Alireza", "علی|رضا", "", ["Ali Reza", "Ali-Reza"], "m"),
    "amirhossein": ("Amirhossein", "امیر|حسین", "", ["Amir Hossein", "Amir-Hossein", "Amirhosein"], "m"),
    "abbas": ("Abbas", "عباس", "", ["Abas", "Abbass"], "m"),
    "mostafa": ("Mostafa", "مصطفی", "", ["Mustafa", "Moustafa", "Mostapha"], "m"),
    "morteza": ("Morteza", "مرتضی", "", ["Murtaza", "Mortaza", "Murtadha"], "m"),
    "javad": ("Javad", "جواد", "", ["Jawad", "Djavad"], "m"),
    "hamid": ("Hamid", "حمید", "", ["Hameed"], "m"),
    "saeed": ("Saeed", "سعید", "", ["Said", "Saeid", "Sa'id"], "m"),
    "majid": ("Majid", "مجید", "", ["Majeed", "Madjid"], "m"),
    "ahmad": ("Ahmad", "احمد", "", ["Ahmed"], "m"),
    "mahmoud": ("Mahmoud", "محمود", "", ["Mahmud", "Mahmood"], "m"),
    "ebrahim": ("Ebrahim", "ابراهیم", "", ["Ibrahim", "Ebrahem"], "m"),
    "esmaeil": ("Esmaeil", "اسماعیل", "", ["Ismail", "Esmail", "Ismael"], "m"),
    "yousef": ("Yousef", "یوسف", "", ["Yusuf", "Yousof", "Youssef"], "m"),
    "karim": ("Karim", "کریم", "", ["Kareem"], "m"),
    "rahim": ("Rahim", "رحیم", "", ["Raheem"], "m"),
    "jafar": ("Jafar", "جعفر", "", ["Ja'far", "Jaafar", "Djafar"], "m"),
    "kazem": ("Kazem", "کاظم", "", ["Kazim", "Kadhim"], "m"),
    "ghasem": ("Ghasem", "قاسم", "", ["Qasem", "Qasim", "Ghassem"], "m"),
    "sadegh": ("Sadegh", "صادق", "", ["Sadeq", "Sadiq"], "m"),
    "hadi": ("Hadi", "هادی", "", ["Hady"], "m"),
    "abdolreza": ("Abdolreza", "عبد|الرضا", "", ["Abdol Reza", "Abdol-Reza", "Abd al-Reza", "Abdulreza", "Abdorreza"], "m"),
    "abdollah": ("Abdollah", "عبد|الله", "", ["Abdullah", "Abdallah", "Abd Allah"], "m"),
    "gholamreza": ("Gholamreza", "غلام|رضا", "", ["Gholam Reza", "Gholam-Reza", "Qolamreza", "Ghulamreza"], "m"),
    "gholamhossein": ("Gholamhossein", "غلام|حسین", "", ["Gholam Hossein", "Gholamhosein", "Ghulam Hussein"], "m"),
    "abolfazl": ("Abolfazl", "ابو|الفضل", "", ["Abol Fazl", "Abulfazl", "Abu al-Fazl", "Abolfazel"], "m"),
    "rouhollah": ("Rouhollah", "روح|الله", ZWNJ, ["Ruhollah", "Rouh-Allah", "Ruhullah"], "m"),
    "nasrollah": ("Nasrollah", "نصر|الله", "", ["Nasrullah", "Nasr Allah", "Nasrolah"], "m"),
    "davood": ("Davood", "داوود", "", ["Davoud", "Dawood", "Dawud"], "m"),
    "mansour": ("Mansour", "منصور", "", ["Mansur", "Mansoor"], "m"),
    "farhad": ("Farhad", "فرهاد", "", ["Farhâd", "FARHAD"], "m"),
    "bahram": ("Bahram", "بهرام", "", ["Bahrām", "Bahraam"], "m"),
    "kamran": ("Kamran", "کامران", "", ["Kâmrân", "Kamraan"], "m"),
    "sirwan": ("Sirwan", "سیروان", "", ["Sirvan", "Seerwan"], "m"),
    "azad": ("Azad", "آزاد", "", ["Azaad"], "m"),
    "rebin": ("Rebin", "ریبین", "", ["Rebîn", "Ribin"], "m"),
    "hiwa": ("Hiwa", "هیوا", "", ["Hiva", "Heewa"], "m"),
    "kaveh": ("Kaveh", "کاوه", "", ["Kave", "Kawe"], "m"),
    "babak": ("Babak", "بابک", "", ["Baabak"], "m"),
    "yaser": ("Yaser", "یاسر", "", ["Yasser", "Yasir"], "m"),
    "khalil": ("Khalil", "خلیل", "", ["Khaleel", "Halil"], "m"),
    "salman": ("Salman", "سلمان", "", ["Selman", "Salmaan"], "m"),
    "osman": ("Osman", "عثمان", "", ["Othman", "Uthman", "Usman"], "m"),
    "omar": ("Omar", "عمر", "", ["Umar", "Omer"], "m"),
    "naser": ("Naser", "ناصر", "", ["Nasser", "Nasir"], "m"),
    "jamal": ("Jamal", "جمال", "", ["Jamaal", "Djamal"], "m"),
    "salahaddin": ("Salahaddin", "صلاح|الدین", ZWNJ, ["Salah al-Din", "Salahuddin", "Salaheddin", "Salah ad-Din"], "m"),
    "shamseddin": ("Shamseddin", "شمس|الدین", ZWNJ, ["Shams al-Din", "Shamsoddin", "Shamsuddin"], "m"),
    "asadollah": ("Asadollah", "اسد|الله", "", ["Asadullah", "Asad Allah", "Assadollah"], "m"),
    "habibollah": ("Habibollah", "حبیب|الله", ZWNJ, ["Habibullah", "Habib Allah", "Habibolah"], "m"),
    "mohammadali": ("Mohammadali", "محمد|علی", "", ["Mohammad Ali", "Mohammad-Ali", "Mohamadali"], "m"),
    "mohammadhossein": ("Mohammadhossein", "محمد|حسین", "", ["Mohammad Hossein", "Mohammadhosein", "Muhammad Hussein"], "m"),
    "aliakbar": ("Aliakbar", "علی|اکبر", ZWNJ, ["Ali Akbar", "Ali-Akbar"], "m"),
    "aliasghar": ("Aliasghar", "علی|اصغر", ZWNJ, ["Ali Asghar", "Ali-Asghar"], "m"),
    "mohsen": ("Mohsen", "محسن", "", ["Mohsin", "Muhsin"], "m"),
    "vahid": ("Vahid", "وحید", "", ["Waheed", "Vaheed", "Wahid"], "m"),
    "omid": ("Omid", "امید", "", ["Omeed"], "m"),
    "hamed": ("Hamed", "حامد", "", ["Haamed"], "m"),
    "iraj": ("Iraj", "ایرج", "", ["Iradj"], "m"),
    "taher": ("Taher", "طاهر", "", ["Tahir"], "m"),
    "yahya": ("Yahya", "یحیی", "", ["Yehya", "Yahia"], "m"),
    "musa": ("Musa", "موسی", "", ["Mousa", "Moosa"], "m"),
    "isa": ("Isa", "عیسی", "", ["Eisa", "Issa"], "m"),
    "fatemeh": ("Fatemeh", "فاطمه", "", ["Fatima", "Fatemah", "Fateme", "Fatimah"], "f"),
    "zahra": ("Zahra", "زهرا", "", ["Zehra", "Zahraa"], "f"),
    "maryam": ("Maryam", "مریم", "", ["Mariam", "Mariyam"], "f"),
    "zeinab": ("Zeinab", "زینب", "", ["Zaynab", "Zainab", "Zeynab"], "f"),
    "masoumeh": ("Masoumeh", "معصومه", "", ["Masumeh", "Masoomeh", "Masuma", "Ma'soumeh"], "f"),
    "sakineh": ("Sakineh", "سکینه", "", ["Sakina", "Sakine"], "f"),
    "tahereh": ("Tahereh", "طاهره", "", ["Tahere", "Tahira"], "f"),
    "leila": ("Leila", "لیلا", "", ["Layla", "Leyla", "Laila"], "f"),
    "narges": ("Narges", "نرگس", "", ["Nargis"], "f"),
    "samira": ("Samira", "سمیرا", "", ["Sameera"], "f"),
    "shirin": ("Shirin", "شیرین", "", ["Shireen"], "f"),
    "parvin": ("Parvin", "پروین", "", ["Parveen", "Parwin"], "f"),
    "mina": ("Mina", "مینا", "", ["Meena"], "f"),
    "zhila": ("Zhila", "ژیلا", "", ["Jila"], "f"),
    "roghayeh": ("Roghayeh", "رقیه", "", ["Roqayeh", "Roghaye", "Ruqayya"], "f"),
    "khadijeh": ("Khadijeh", "خدیجه", "", ["Khadija", "Khadije"], "f"),
    "azadeh": ("Azadeh", "آزاده", "", ["Azade"], "f"),
    "golaleh": ("Golaleh", "گلاله", "", ["Gelale", "Golale"], "f"),
    "shilan": ("Shilan", "شیلان", "", ["Sheelan"], "f"),
    "nasrin": ("Nasrin", "نسرین", "", ["Nasreen"], "f"),
    "azam": ("Azam", "اعظم", "", ["A'zam", "Aazam"], "f"),
    "kobra": ("Kobra", "کبری", "", ["Kubra"], "f"),
    "soraya": ("Soraya", "ثریا", "", ["Sorayya", "Thuraya"], "f"),
    "ameneh": ("Ameneh", "آمنه", "", ["Amene", "Amena"], "f"),
    "hajar": ("Hajar", "هاجر", "", ["Hajer", "Hadjar"], "f"),
    "reyhaneh": ("Reyhaneh", "ریحانه", "", ["Reihaneh", "Reyhane", "Rayhana"], "f"),
    "mahboubeh": ("Mahboubeh", "محبوبه", "", ["Mahbubeh", "Mahboobeh"], "f"),
    "elham": ("Elham", "الهام", "", ["Ilham"], "f"),
    "sara": ("Sara", "سارا", "", ["Sarah"], "f"),
    "farideh": ("Farideh", "فریده", "", ["Faride", "Farida"], "f"),
    "nahid": ("Nahid", "ناهید", "", ["Naheed"], "f"),
    "sedigheh": ("Sedigheh", "صدیقه", "", ["Sediqeh", "Siddiqa"], "f"),
    "akram": ("Akram", "اکرم", "", ["AKRAM"], "f"),
    "zohreh": ("Zohreh", "زهره", "", ["Zohre", "Zuhra"], "f"),
    "hamideh": ("Hamideh", "حمیده", "", ["Hamide", "Hamida"], "f"),
}

FAMILY = {
    "hosseini": ("Hosseini", "حسینی", "", ["Husseini", "Hoseini", "Hosseyni", "Husaini", "Hosaini"]),
    "mohammadi": ("Mohammadi", "محمدی", "", ["Muhammadi", "Mohamadi", "Mohammedi"]),
    "rezaei": ("Rezaei", "رضایی", "", ["Rezaee", "Rezaie", "Rezai", "Rezayi"]),
    "ahmadi": ("Ahmadi", "احمدی", "", ["Ahmady", "Ahmedi"]),
    "karimi": ("Karimi", "کریمی", "", ["Karimy", "Kareemi"]),
    "mousavi": ("Mousavi", "موسوی", "", ["Musavi", "Moosavi", "Mousawi", "Musawi"]),
    "jafari": ("Jafari", "جعفری", "", ["Ja'fari", "Jaafari", "Jafary"]),
    "rahimi": ("Rahimi", "رحیمی", "", ["Raheemi", "Rahimy"]),
    "heydari": ("Heydari", "حیدری", "", ["Heidari", "Haidari", "Haydari"]),
    "ghasemi": ("Ghasemi", "قاسمی", "", ["Qasemi", "Ghassemi", "Qasimi"]),
    "sadeghi": ("Sadeghi", "صادقی", "", ["Sadeqi", "Sadeghy", "Sadiqi"]),
    "kazemi": ("Kazemi", "کاظمی", "", ["Kazimi", "Kazemy"]),
    "najafi": ("Najafi", "نجفی", "", ["Nadjafi", "Najafy"]),
    "hashemi": ("Hashemi", "هاشمی", "", ["Hashimi", "Hachemi"]),
    "yousefi": ("Yousefi", "یوسفی", "", ["Yusefi", "Yousofi", "Yusufi"]),
    "ebrahimi": ("Ebrahimi", "ابراهیمی", "", ["Ibrahimi", "Ebrahimy"]),
    "ghorbani": ("Ghorbani", "قربانی", "", ["Qorbani", "Ghurbani", "Gorbani"]),
    "sharifi": ("Sharifi", "شریفی", "", ["Sharify", "Shareefi"]),
    "taheri": ("Taheri", "طاهری", "", ["Tahery", "Tahiri"]),
    "moradi": ("Moradi", "مرادی", "", ["Muradi", "Morady"]),
    "abbasi": ("Abbasi", "عباسی", "", ["Abasi", "Abbassi"]),
    "amini": ("Amini", "امینی", "", ["Ameeni"]),
    "rostami": ("Rostami", "رستمی", "", ["Rustami", "Rostamy"]),
    "faraji": ("Faraji", "فرجی", "", ["Farraji", "Farajy"]),
    "mahmoudi": ("Mahmoudi", "محمودی", "", ["Mahmudi", "Mahmoodi"]),
    "nouri": ("Nouri", "نوری", "", ["Noori", "Nuri"]),
    "hosseinzadeh": ("Hosseinzadeh", "حسین|زاده", ZWNJ, ["Hosseinzade", "Hossein Zadeh", "Hossein-Zadeh", "Husseinzadeh"]),
    "alipour": ("Alipour", "علی|پور", ZWNJ, ["Ali Pour", "Alipoor", "Alipur"]),
    "rezanejad": ("Rezanejad", "رضا|نژاد", "", ["Reza Nejad", "Rezanezhad", "Reza-Nejad"]),
    "abdollahi": ("Abdollahi", "عبداللهی", "", ["Abdolahi", "Abdullahi", "Abdallahi"]),
    "gholami": ("Gholami", "غلامی", "", ["Qolami", "Ghulami"]),
    "zarei": ("Zarei", "زارعی", "", ["Zare'i", "Zareie", "Zaree"]),
    "akbari": ("Akbari", "اکبری", "", ["Akbary"]),
    "karami": ("Karami", "کرمی", "", ["Karamy"]),
    "bahrami": ("Bahrami", "بهرامی", "", ["Bahramy"]),
    "maleki": ("Maleki", "ملکی", "", ["Maleky"]),
    "nazari": ("Nazari", "نظری", "", ["Nazary"]),
    "khalili": ("Khalili", "خلیلی", "", ["Khaleeli"]),
    "davoudi": ("Davoudi", "داوودی", "", ["Davudi", "Dawoodi", "Davoodi"]),
    "jamali": ("Jamali", "جمالی", "", ["Jamaly"]),
    "salehi": ("Salehi", "صالحی", "", ["Salehy", "Salihi"]),
    "tavakoli": ("Tavakoli", "توکلی", "", ["Tavakkoli", "Tawakoli"]),
    "asadi": ("Asadi", "اسدی", "", ["Assadi", "Asady"]),
    "azizi": ("Azizi", "عزیزی", "", ["Azeezi"]),
    "mansouri": ("Mansouri", "منصوری", "", ["Mansuri", "Mansoori"]),
    "ghaderi": ("Ghaderi", "قادری", "", ["Qaderi", "Ghadiri"]),
    "veisi": ("Veisi", "ویسی", "", ["Weisi", "Vaisi", "Waisi"]),
    "babaei": ("Babaei", "بابایی", "", ["Babaee", "Babai", "Babaie"]),
    "soltani": ("Soltani", "سلطانی", "", ["Sultani", "Soltany"]),
    "esmaeili": ("Esmaeili", "اسماعیلی", "", ["Ismaili", "Esmaili", "Esmaeeli"]),
    "mirzaei": ("Mirzaei", "میرزایی", "", ["Mirzaee", "Mirzai", "Mirzaie"]),
    "aghaei": ("Aghaei", "آقایی", "", ["Aghaee", "Aqaei", "Aghai"]),
    "sheikhi": ("Sheikhi", "شیخی", "", ["Sheykhi", "Shaikhi"]),
    "khezri": ("Khezri", "خضری", "", ["Khezry", "Khidri"]),
    "hassanpour": ("Hassanpour", "حسن|پور", ZWNJ, ["Hassan Pour", "Hasanpour", "Hassanpoor"]),
    "mohammadpour": ("Mohammadpour", "محمد|پور", "", ["Mohammad Pour", "Mohamadpour"]),
    "hassani": ("Hassani", "حسنی", "", ["Hasani", "Hassany"]),
    "hosseinpour": ("Hosseinpour", "حسین|پور", ZWNJ, ["Hossein Pour", "Hosseinpoor"]),
    "mohammadian": ("Mohammadian", "محمدیان", "", ["Mohammadiyan", "Muhammadian"]),
    "aljubouri": ("Al-Jubouri", "الجبوری", "", ["Al Jubouri", "Jubouri", "Al-Juburi"]),
    "alobaidi": ("Al-Obaidi", "العبیدی", "", ["Al Ubaydi", "Obaidi", "Alobaidi"]),
    "alkhafaji": ("Al-Khafaji", "الخفاجی", "", ["Khafaji", "Al Khafaji"]),
    "alzubaidi": ("Al-Zubaidi", "الزبیدی", "", ["Al Zubaydi", "Zubaidi"]),
    "altamimi": ("Al-Tamimi", "التمیمی", "", ["Tamimi", "At-Tamimi"]),
    "alsaadi": ("Al-Saadi", "السعدی", "", ["As-Sa'di", "Saadi"]),
    "haddad": ("Haddad", "حداد", "", ["Hadad", "Al-Haddad"]),
    "nassar": ("Nassar", "نصار", "", ["Nasar"]),
    "khoury": ("Khoury", "خوری", "", ["Khouri", "Khuri"]),
}

# Names used only in negative queries: nobody in the pool has them.
UNUSED_GIVEN = [("Bijan", "بیژن"), ("Siavash", "سیاوش"), ("Kourosh", "کوروش"), ("Arash", "آرش"),
                ("Parisa", "پریسا"), ("Shahrzad", "شهرزاد"), ("Negin", "نگین"), ("Ladan", "لادن"),
                ("Houshang", "هوشنگ"), ("Shahla", "شهلا"), ("Behnaz", "بهناز"), ("Farzad", "فرزاد")]
UNUSED_FAMILY = [("Farahmand", "فرهمند"), ("Golzari", "گلزاری"), ("Behzadi", "بهزادی"), ("Shirazi", "شیرازی"),
                 ("Tehrani", "تهرانی"), ("Ansari", "انصاری"), ("Kamali", "کمالی"), ("Sobhani", "سبحانی"),
                 ("Partovi", "پرتوی"), ("Zand", "زند"), ("Yazdani", "یزدانی"), ("Shokouhi", "شکوهی")]

# Combinations that are, or are close to, the names of well-known public persons: never generated.
BLOCKED = {("narges", "mohammadi"), ("ali", "karimi"), ("mohsen", "rezaei"), ("hossein", "mousavi"),
           ("mohammadali", "jafari"), ("mohammad", "jafari"), ("fatemeh", "hashemi"), ("mostafa", "kazemi"),
           ("hossein", "abdollahi"), ("mohammadreza", "rahimi"), ("aliakbar", "salehi"), ("ali", "salehi"),
           ("mahmoud", "ahmadi"), ("alireza", "akbari"), ("ali", "mousavi"), ("ali", "hashemi"),
           ("majid", "salehi"), ("mehdi", "hashemi"), ("reza", "sadeghi"), ("alireza", "ghorbani"),
           ("mahmoud", "sadeghi"), ("zahra", "kazemi"), ("majid", "kazemi"), ("hamid", "nouri"),
           ("mohammad", "moradi"), ("mohammad", "karami"), ("mehdi", "karami"), ("mohammad", "hosseini"),
           ("majid", "mousavi"), ("hassan", "rouhani")}

# Names that sound alike but are different names: the hard distractors.
CONFUSABLE_GIVEN = {"hossein": ["hassan"], "hassan": ["hossein"], "mohammad": ["mahmoud", "mohammadreza", "mohammadali"],
                    "mahmoud": ["mohammad"], "hamid": ["hamed"], "hamed": ["hamid"], "zahra": ["zohreh"],
                    "zohreh": ["zahra"], "ali": ["alireza", "aliakbar"], "alireza": ["ali"], "reza": ["alireza"],
                    "mohammadreza": ["mohammad"], "hamideh": ["hamid"], "abdollah": ["abdolreza"],
                    "abdolreza": ["abdollah"], "gholamreza": ["gholamhossein"], "gholamhossein": ["gholamreza"]}
CONFUSABLE_FAMILY = {"hosseini": ["hosseinzadeh", "hosseinpour", "hassani"], "hassani": ["hosseini", "hassanpour"],
                     "mohammadi": ["mohammadian", "mohammadpour", "ahmadi", "mahmoudi"], "ahmadi": ["mohammadi"],
                     "karimi": ["karami", "rahimi"], "karami": ["karimi"], "rahimi": ["karimi"],
                     "rezaei": ["rezanejad"], "mahmoudi": ["mohammadi"], "hosseinzadeh": ["hosseini"],
                     "jafari": ["faraji"], "faraji": ["jafari"], "abbasi": ["asadi"], "ghasemi": ["kazemi"],
                     "kazemi": ["ghasemi"], "davoudi": ["mahmoudi"], "esmaeili": ["ebrahimi"], "ebrahimi": ["esmaeili"]}

HONORIFICS_M = ["Seyed", "Sayyid", "Seyyed", "Haj", "Mirza"]
HONORIFICS_M_NATIVE = ["سید", "حاج"]


def native_canonical(entry_native, joiner):
    return entry_native.replace("|", joiner)


def native_spellings(entry_native, joiner):
    """Ways the same name is written in Persian/Arabic script: joined, with ZWNJ, with a space."""
    if "|" not in entry_native:
        return [entry_native]
    return [entry_native.replace("|", j) for j in ("", ZWNJ, " ")]


def arabic_letters(text, female=False):
    """The spelling an Arabic keyboard gives: ي for ی, ك for ک, ى for a final alef maksura, ة for ه."""
    out = []
    for i, ch in enumerate(text):
        final = i == len(text) - 1 or text[i + 1] in " \u200c"
        if ch == "ی":
            out.append("ى" if final and text[:i].endswith(("مصطف", "مرتض", "موس", "عیس", "یحی", "کبر")) else "ي")
        elif ch == "ک":
            out.append("ك")
        elif ch == "ه" and final and female and i > 1:
            out.append("ة")
        else:
            out.append(ch)
    return "".join(out)


def with_marks(text):
    """Harakat after the first letter and a tatweel in the middle, as in carefully typed names."""
    if len(text) < 3:
        return text
    mid = len(text) // 2
    return text[0] + "\u064e" + text[1:mid] + "\u0640" + text[mid:]


def latin_variant(names, key):
    entry = names[key]
    options = [v for v in entry[3]]
    return random.choice(options) if options else entry[0]


def pick_pair(used, given_pool=None, family_pool=None):
    for _ in range(1000):
        g = random.choice(given_pool or list(GIVEN))
        f = random.choice(family_pool or list(FAMILY))
        if (g, f) in BLOCKED or (g, f) in used:
            continue
        return g, f
    raise RuntimeError("no free pair")


def person_record(pid, role, g, f, father, year, scripts, spell_variant=False, others=""):
    gl, gn_raw, gj, _, _ = GIVEN[g]
    fl, fn_raw, fj, _ = FAMILY[f]
    pl, pn_raw, pj, _, _ = GIVEN[father]
    if spell_variant:
        gl = latin_variant(GIVEN, g) if random.random() < 0.5 else gl
        fl = latin_variant(FAMILY, f) if random.random() < 0.5 else fl
    latin = scripts in ("both", "latin")
    native = scripts in ("both", "native")
    return [pid, role,
            gl if latin else "", fl if latin else "", pl if latin else "",
            native_canonical(gn_raw, gj) if native else "",
            native_canonical(fn_raw, fj) if native else "",
            native_canonical(pn_raw, pj) if native else "",
            others, str(year) if year else ""]


def main():
    used = set()
    persons = []
    queries = []
    targets = []
    males = [k for k, v in GIVEN.items() if v[4] == "m"]

    # --- targets ---------------------------------------------------------------------------------
    # a few chosen to exercise particular rules, the rest random
    chosen = [("abdolreza", "hosseinzadeh"), ("gholamreza", "alipour"), ("rouhollah", "mousavi"),
              ("abolfazl", "rezaei"), ("mohammadreza", "heydari"), ("salahaddin", "aljubouri"),
              ("fatemeh", "hosseini"), ("zeinab", "mohammadi"), ("sirwan", "veisi"), ("golaleh", "rostami"),
              ("mostafa", "altamimi"), ("masoumeh", "rezanejad"), ("esmaeil", "ghorbani"),
              ("hossein", "mohammadi"), ("ali", "hosseini"), ("mohammad", "rezaei")]
    n_targets = 72
    while len(targets) < n_targets:
        if chosen:
            g, f = chosen.pop(0)
        else:
            g, f = pick_pair(used)
        if (g, f) in used or (g, f) in BLOCKED:
            continue
        used.add((g, f))
        targets.append((g, f))

    for i, (g, f) in enumerate(targets):
        pid = f"T{i + 1:03d}"
        father = random.choice([m for m in males if m != g])
        year = random.randint(1945, 2012) if random.random() < 0.8 else None
        r = random.random()
        scripts = "both" if r < 0.8 else ("latin" if r < 0.9 else "native")
        others = []
        alias_query = None
        if i % 6 == 3:
            # another family name (a former or married name), recorded as another spelling
            other_f = random.choice([x for x in FAMILY if x != f and (g, x) not in used and (g, x) not in BLOCKED])
            used.add((g, other_f))
            others.append(f"{GIVEN[g][0]} {FAMILY[other_f][0]}")
            alias_query = f"{latin_variant(GIVEN, g)} {latin_variant(FAMILY, other_f)}"
        elif i % 6 == 5:
            # the name written in Arabic script as another spelling, plus a Latin variant
            others.append(f"{latin_variant(GIVEN, g)} {latin_variant(FAMILY, f)}")
        persons.append(person_record(pid, "target", g, f, father, year, scripts, others="|".join(others)))

        gl, gn_raw, gj, gvars, gender = GIVEN[g]
        fl, fn_raw, fj, fvars = FAMILY[f]
        female = gender == "f"
        variants = []
        # 1. Latin transliteration variants of both parts
        variants.append((f"{latin_variant(GIVEN, g)} {latin_variant(FAMILY, f)}", "latin-variants"))
        # 2. Persian script typed on an Arabic keyboard (ي ك ة ى)
        gn = random.choice(native_spellings(gn_raw, gj))
        fn = random.choice(native_spellings(fn_raw, fj))
        variants.append((f"{arabic_letters(gn, female)} {arabic_letters(fn)}", "arabic-letter-forms"))
        optional = []
        # 3. Persian script with ZWNJ/space/joined compounds, or with harakat and tatweel
        if "|" in gn_raw or "|" in fn_raw:
            alt_g = [s for s in native_spellings(gn_raw, gj) if s != native_canonical(gn_raw, gj)] or [native_canonical(gn_raw, gj)]
            alt_f = [s for s in native_spellings(fn_raw, fj) if s != native_canonical(fn_raw, fj)] or [native_canonical(fn_raw, fj)]
            optional.append((f"{random.choice(alt_g)} {random.choice(alt_f)}", "native-compound-zwnj-space"))
        else:
            optional.append((f"{with_marks(native_canonical(gn_raw, gj))} {native_canonical(fn_raw, fj)}", "native-diacritics-tatweel"))
        # 4. honorific prefix
        if not female:
            if random.random() < 0.5:
                optional.append((f"{random.choice(HONORIFICS_M)} {latin_variant(GIVEN, g)} {fl}", "honorific-prefix"))
            else:
                optional.append((f"{random.choice(HONORIFICS_M_NATIVE)} {native_canonical(gn_raw, gj)} {native_canonical(fn_raw, fj)}", "honorific-prefix"))
        else:
            optional.append((f"{gl} Sadat {latin_variant(FAMILY, f)}", "honorific-sadat"))
        # 5. with the father's name and/or year of birth
        father_l, father_n_raw, father_j = GIVEN[father][0], GIVEN[father][1], GIVEN[father][2]
        link = "daughter of" if female else random.choice(["son of", "s/o", "father"])
        year_text = ""
        if year and random.random() < 0.6:
            year_text = f" {year}" if random.random() < 0.7 else f" {year - 621}"
        if random.random() < 0.5:
            optional.append((f"{latin_variant(GIVEN, g)} {latin_variant(FAMILY, f)} {link} {latin_variant(GIVEN, father)}{year_text}", "with-father"))
        else:
            optional.append((f"{native_canonical(gn_raw, gj)} {native_canonical(fn_raw, fj)} فرزند {native_canonical(father_n_raw, father_j)}{year_text}", "with-father-native"))
        # 6. family name first, passport style
        optional.append((f"{latin_variant(FAMILY, f).upper()}, {latin_variant(GIVEN, g)}", "family-first"))
        # 7. compound written the other way (split/joined/hyphenated)
        compound_vars = [v for v in gvars if (" " in v or "-" in v) != (" " in gl or "-" in gl)]
        if compound_vars:
            optional.append((f"{random.choice(compound_vars)} {fl}", "compound-split-join"))
        compound_vars = [v for v in fvars if (" " in v or "-" in v) != (" " in fl or "-" in fl)]
        if compound_vars:
            optional.append((f"{gl} {random.choice(compound_vars)}", "compound-split-join"))
        # 8. an alias recorded as another spelling; 3 to 6 variants in all
        random.shuffle(optional)
        if alias_query:
            variants.append((alias_query, "alias"))
            extra = random.randint(0, min(3, len(optional)))
        else:
            extra = random.randint(1, min(4, len(optional)))
        variants.extend(optional[:extra])
        for text, kind in variants:
            queries.append([text, pid, kind])

    # --- distractors -----------------------------------------------------------------------------
    n_distractors = 420
    target_given = [g for g, _ in targets]
    target_family = [f for _, f in targets]
    common_given = ["mohammad"] * 6 + ["ali"] * 4 + ["hossein"] * 3 + ["fatemeh"] * 3 + ["zahra"] * 3 + ["reza", "hassan", "mehdi", "maryam"]
    common_family = ["hosseini"] * 6 + ["mohammadi"] * 4 + ["ahmadi"] * 3 + ["rezaei"] * 3 + ["mousavi"] * 2 + ["karimi", "jafari", "heydari"]
    d = 0
    while d < n_distractors:
        r = random.random()
        if r < 0.3:
            g, f = pick_pair(used, given_pool=target_given + common_given)
        elif r < 0.6:
            g, f = pick_pair(used, family_pool=target_family + common_family)
        elif r < 0.85:
            tg, tf = random.choice(targets)
            if random.random() < 0.5 and tg in CONFUSABLE_GIVEN:
                g, f = random.choice(CONFUSABLE_GIVEN[tg]), tf
            elif tf in CONFUSABLE_FAMILY:
                g, f = tg, random.choice(CONFUSABLE_FAMILY[tf])
            else:
                continue
        else:
            g, f = pick_pair(used)
        if (g, f) in used or (g, f) in BLOCKED:
            continue
        used.add((g, f))
        d += 1
        father = random.choice([m for m in males if m != g])
        year = random.randint(1940, 2015) if random.random() < 0.7 else None
        r = random.random()
        scripts = "both" if r < 0.5 else ("latin" if r < 0.8 else "native")
        persons.append(person_record(f"D{d:03d}", "distractor", g, f, father, year, scripts, spell_variant=True))

    # --- negative queries ------------------------------------------------------------------------
    negatives = []
    for _ in range(18):
        g = random.choice(list(GIVEN))
        fl, fn = random.choice(UNUSED_FAMILY)
        negatives.append(random.choice([f"{latin_variant(GIVEN, g)} {fl}", f"{native_canonical(GIVEN[g][1], GIVEN[g][2])} {fn}"]))
    for _ in range(14):
        gl, gn = random.choice(UNUSED_GIVEN)
        f = random.choice(list(FAMILY))
        negatives.append(random.choice([f"{gl} {latin_variant(FAMILY, f)}", f"{gn} {native_canonical(FAMILY[f][1], FAMILY[f][2])}"]))
    for _ in range(8):
        gl, gn = random.choice(UNUSED_GIVEN)
        fl, fn = random.choice(UNUSED_FAMILY)
        negatives.append(random.choice([f"{gl} {fl}", f"{gn} {fn}"]))
    count = 0
    while count < 20:
        # a given name and a family name that both occur in the pool, but never together
        g = random.choice(target_given)
        f = random.choice(target_family)
        if (g, f) in used:
            continue
        used.add((g, f))
        count += 1
        negatives.append(random.choice([f"{latin_variant(GIVEN, g)} {latin_variant(FAMILY, f)}",
                                        f"{native_canonical(GIVEN[g][1], GIVEN[g][2])} {native_canonical(FAMILY[f][1], FAMILY[f][2])}"]))
    for text in negatives:
        queries.append([text, "", "negative"])

    with open(os.path.join(HERE, "persons.tsv"), "w", encoding="utf-8") as out:
        out.write("# Fictional persons for the name-matching evaluation; generated by make_name_dataset.py\n")
        out.write("id\trole\tgiven_latin\tfamily_latin\tfather_latin\tgiven_native\tfamily_native\tfather_native\tother_spellings\tbirth_year\n")
        for row in persons:
            out.write("\t".join(row) + "\n")
    with open(os.path.join(HERE, "queries.tsv"), "w", encoding="utf-8") as out:
        out.write("# Search texts and the person each should find (empty: nobody); generated by make_name_dataset.py\n")
        out.write("query\texpected\tkind\n")
        for row in queries:
            out.write("\t".join(row) + "\n")
    print(f"{len(targets)} targets, {n_distractors} distractors, {len(queries)} queries ({len(negatives)} negative)")


if __name__ == "__main__":
    main()
