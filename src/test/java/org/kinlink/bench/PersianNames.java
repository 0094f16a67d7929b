package org.kinlink.bench;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Name pools for generated, fictional persons: each name once in Persian script and in the Latin
 * spellings people actually use for it (Mohammad, Muhammad, Mohammed...). Persons are invented
 * combinations of these parts; no combination is meant to be a real person.
 */
final class PersianNames {

    /** One name: an id shared by all its spellings, its Persian form and its Latin spellings. */
    record Name(String canonical, String nativeScript, List<String> latin) {}

    static final List<Name> MALE = List.of(
            name("محمد", "Mohammad", "Muhammad", "Mohammed", "Mohamad", "Mohamed"),
            name("علی", "Ali", "Aly"),
            name("حسین", "Hossein", "Hussein", "Hosein", "Husain", "Hoseyn"),
            name("حسن", "Hassan", "Hasan"),
            name("رضا", "Reza", "Rezza", "Rida"),
            name("مهدی", "Mehdi", "Mahdi", "Mehdy"),
            name("احمد", "Ahmad", "Ahmed"),
            name("جواد", "Javad", "Jawad"),
            name("مصطفی", "Mostafa", "Mustafa", "Moustafa"),
            name("امیر", "Amir", "Ameer"),
            name("سعید", "Saeed", "Said", "Saied", "Saeid"),
            name("مجید", "Majid", "Majeed"),
            name("یوسف", "Yousef", "Yusuf", "Yousof", "Youssef"),
            name("ابراهیم", "Ebrahim", "Ibrahim", "Ebrahem"),
            name("اسماعیل", "Esmaeil", "Ismail", "Esmail", "Smaeil"),
            name("کریم", "Karim", "Kareem"),
            name("حمید", "Hamid", "Hameed"),
            name("داوود", "Davood", "Davoud", "Dawood", "Daoud"),
            name("فرهاد", "Farhad", "Farhaad"),
            name("بهروز", "Behrouz", "Behrooz", "Behruz"),
            name("کاظم", "Kazem", "Kazim", "Kadhim"),
            name("جعفر", "Jafar", "Jaafar", "Ja'far"),
            name("مرتضی", "Morteza", "Murtaza", "Mortaza"),
            name("عباس", "Abbas", "Abas"),
            name("نادر", "Nader", "Nadir"),
            name("شهرام", "Shahram", "Sharam"),
            name("کامران", "Kamran", "Kamraan"),
            name("هادی", "Hadi", "Hady"),
            name("ناصر", "Naser", "Nasser", "Nasir"),
            name("یعقوب", "Yaghoub", "Yaqub", "Yaghoob", "Yakub"));

    static final List<Name> FEMALE = List.of(
            name("فاطمه", "Fatemeh", "Fatima", "Fateme", "Fatemah"),
            name("زهرا", "Zahra", "Zahraa", "Zehra"),
            name("مریم", "Maryam", "Mariam", "Maryem"),
            name("زینب", "Zeinab", "Zainab", "Zaynab"),
            name("معصومه", "Masoumeh", "Masoumah", "Masume", "Masoomeh"),
            name("سکینه", "Sakineh", "Sakina", "Sakine"),
            name("لیلا", "Leila", "Layla", "Leyla", "Laila"),
            name("نرگس", "Narges", "Nargis"),
            name("شیرین", "Shirin", "Shireen"),
            name("پروین", "Parvin", "Parveen"),
            name("سمیرا", "Samira", "Sameera"),
            name("آزاده", "Azadeh", "Azade"),
            name("طاهره", "Tahereh", "Tahera", "Tahere"),
            name("خدیجه", "Khadijeh", "Khadija", "Khadije"),
            name("رقیه", "Roghayeh", "Ruqayya", "Roghieh"),
            name("نسرین", "Nasrin", "Nasreen"),
            name("سارا", "Sara", "Sarah"),
            name("هانیه", "Haniyeh", "Hania", "Hanieh"),
            name("الهام", "Elham", "Elhaam"),
            name("منیژه", "Manijeh", "Manizheh", "Manije"),
            name("فرشته", "Fereshteh", "Fereshta", "Fereshte"),
            name("گلناز", "Golnaz", "Golnaaz"),
            name("مهسا", "Mahsa", "Mahssa"),
            name("ثریا", "Soraya", "Sorayya", "Thurayya"),
            name("عاطفه", "Atefeh", "Atifa", "Atefe"));

    static final List<Name> FAMILY = List.of(
            name("حسینی", "Hosseini", "Husseini", "Hoseyni", "Hoseini", "Hussaini"),
            name("محمدی", "Mohammadi", "Muhammadi", "Mohamadi", "Mohammedi"),
            name("احمدی", "Ahmadi", "Ahmedi"),
            name("رضایی", "Rezaei", "Rezaee", "Rezaie", "Rezayi"),
            name("موسوی", "Mousavi", "Musavi", "Moosavi", "Mousawi"),
            name("جعفری", "Jafari", "Jaafari", "Jafary"),
            name("کریمی", "Karimi", "Kareemi"),
            name("رحیمی", "Rahimi", "Raheemi"),
            name("قاسمی", "Ghasemi", "Qasemi", "Ghassemi", "Kasemi"),
            name("صادقی", "Sadeghi", "Sadeqi", "Sadeghy"),
            name("عباسی", "Abbasi", "Abasi"),
            name("نوری", "Nouri", "Noori", "Nuri"),
            name("کاظمی", "Kazemi", "Kazimi", "Kadhimi"),
            name("اکبری", "Akbari", "Akbary"),
            name("یوسفی", "Yousefi", "Yusufi", "Yousofi"),
            name("حیدری", "Heidari", "Haidari", "Heydari", "Haydari"),
            name("طاهری", "Taheri", "Tahery"),
            name("سلیمانی", "Soleimani", "Sulaimani", "Soleymani", "Solaimani"),
            name("شریفی", "Sharifi", "Shareefi"),
            name("مرادی", "Moradi", "Muradi", "Moraadi"),
            name("بهرامی", "Bahrami", "Bahraami"),
            name("نظری", "Nazari", "Nazary"),
            name("قربانی", "Ghorbani", "Qorbani", "Gorbani"),
            name("ملکی", "Maleki", "Malaki"),
            name("فرهادی", "Farhadi", "Farhaadi"),
            name("امینی", "Amini", "Ameeni"),
            name("خسروی", "Khosravi", "Khosrawi", "Khosrovi"),
            name("زارعی", "Zarei", "Zare'i", "Zareie"),
            name("نجفی", "Najafi", "Nadjafi"),
            name("توکلی", "Tavakoli", "Tavakkoli", "Tawakoli"),
            name("افشار", "Afshar", "Afshaar"),
            name("پورمحمدی", "Pourmohammadi", "Purmohammadi", "Pour-Mohammadi"),
            name("شیرازی", "Shirazi", "Shirazy"),
            name("تهرانی", "Tehrani", "Tehraani"),
            name("اصفهانی", "Esfahani", "Isfahani", "Esfehani"),
            name("کرمانی", "Kermani", "Kirmani"),
            name("رستمی", "Rostami", "Rustami"),
            name("باقری", "Bagheri", "Baqeri", "Baghery"),
            name("جمالی", "Jamali", "Jamaly"),
            name("سبحانی", "Sobhani", "Subhani"));

    /** Canonical id of every spelling (Latin spellings lower-cased, and the Persian form). */
    static final Map<String, String> CANONICAL = java.util.stream.Stream.of(MALE, FEMALE, FAMILY)
            .flatMap(List::stream)
            .flatMap(n -> java.util.stream.Stream.concat(
                            n.latin().stream().map(s -> s.toLowerCase()), java.util.stream.Stream.of(n.nativeScript()))
                    .map(s -> Map.entry(s, n.canonical())))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));

    static final Map<String, Name> BY_CANONICAL = java.util.stream.Stream.of(MALE, FEMALE, FAMILY)
            .flatMap(List::stream)
            .collect(Collectors.toMap(Name::canonical, Function.identity(), (a, b) -> a));

    private PersianNames() {}

    private static Name name(String nativeScript, String... latin) {
        return new Name(latin[0], nativeScript, List.of(latin));
    }
}
