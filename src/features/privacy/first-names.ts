// Common first names of pupils in Germany, for the local personal-data hint (detect-personal-data.ts).
// Ours to maintain: compiled by hand from published first-name rankings (Gesellschaft für deutsche Sprache,
// "Die beliebtesten Vornamen" 2000–2023; Knud Bielefeld's yearly rankings; Statistik Austria and the Turkish
// TÜİK / Polish GUS / Russian name statistics for frequent names of families with a migration background).
// Each name carries the grammatical gender its placeholder uses ('m' Schüler, 'f' Schülerin, 'u' either).

export type NameGender = 'm' | 'f' | 'u'

const FEMALE = `
Anna Emma Mia Hannah Hanna Emilia Sofia Sophia Sophie Lea Leah Lena Marie Maria Mila Lina Ella Clara Klara Luisa Louisa
Leonie Lara Laura Lisa Julia Johanna Charlotte Amelie Greta Frieda Frida Ida Nele Paula Jana Lilly Lilli Lili Lotta
Matilda Mathilda Ronja Pia Nora Zoe Alina Emily Finja Fiona Helena Isabell Isabella Jasmin Jessica Josephine Katharina
Lena Lenja Luise Marlene Melina Merle Mira Nina Romy Sara Sarah Selina Stella Tamara Theresa Valentina Vanessa Victoria
Viktoria Yasmin Jule Juna Jule Carla Carlotta Antonia Elena Elif Emine Ayse Ayşe Fatma Zeynep Merve Esra Büşra Aylin
Ecrin Defne Eylül Azra Elisa Hatice Sevgi Derya Dilara Melek Meryem Meryam Nisa Irem Yagmur Yağmur Selin Sude Ela Asya
Fatima Fatimah Aisha Aischa Amira Layla Leyla Lejla Nour Nur Mariam Maryam Yara Hiba Rana Rania Salma Zainab Zahra Hana
Dalia Malak Sena Shirin Nesrin Aleyna Kübra Songül Anastasia Ekaterina Jekaterina Tatjana Natalia Natalja Olga Irina
Swetlana Svetlana Polina Darja Daria Ksenia Xenia Alexandra Aleksandra Agnieszka Katarzyna Magdalena Zofia Zuzanna Julia
Oliwia Natalia Wiktoria Maja Maya Kinga Emilija Milena Ana Jovana Jelena Marija Ivana Dragana Mirela Amina Ajla Ilma
Giulia Chiara Francesca Alessia Martina Federica Aurora Ginevra Beatrice Noemi Bianca Elisa Sofija Andjela Teodora
Nadine Nicole Melanie Stefanie Sabine Susanne Claudia Petra Andrea Katrin Kathrin Anja Sandra Tanja Silke Heike Birgit
Kerstin Manuela Daniela Jennifer Janina Kim Michelle Chantal Jacqueline Mandy Franziska Annika Anne Svenja Miriam Saskia
Lisa Marina Carina Celina Celine Chiara Emely Emilie Fenja Hailey Jolina Joleen Kiara Lucy Luna Mara Marla Milla Neele
Paulina Rieke Ricarda Smilla Tabea Thea Tilda Wilma Alma Edda Enna Ylvi Zoé Jette Lotte Malia Mina Nika Leni Liv Maila
Samira Zara Amelia Elina Eliana Helin Hira Inaya Kaja Lavinia Leila Liya Lilia Malou Nadia Naila Rosalie Sina Talia
Yusra Zehra Zoey Ayla Aya Ilayda Medina Alea Jolie Lia Lya Melissa Nela Sena Elisabeth Henriette Josefine Marleen
`

const MALE = `
Noah Leon Paul Ben Elias Finn Fynn Felix Luca Luka Lukas Lucas Jonas Max Maximilian Louis Henry Emil Theo Anton Liam
Jakob Jacob Moritz Oskar Oscar Mats Matteo Milan Mika Niklas Nico Nils Ole Philipp Tim Tom Julian Jan Jannik Jannis
Jonathan Leonard Lennard Lennox Linus Samuel Simon Valentin Vincent Fabian Florian Kevin Dennis Marcel Marco Mario Pascal
Patrick Sebastian Tobias Dominik Daniel David Christian Stefan Stephan Michael Thomas Andreas Alexander Markus Marcus Jens
Torsten Sven Dirk Uwe Jörg Jürgen Frank Matthias Timo Tino Robin Justin Marvin Leo Luis Levi Malte Hannes Johannes
Benedikt Konstantin Lasse Erik Eric Joshua Jason Kilian Leander Mattis Piet Raphael Rafael Samuel Till Vincent Adrian
Mehmet Mustafa Ahmet Ahmed Ali Murat Hasan Hassan Hüseyin Ibrahim Ismail Emre Burak Can Cem Deniz Efe Eren Emir Kerem
Yusuf Yunus Ömer Omer Furkan Enes Berat Baran Kaan Mert Serkan Onur Tarik Tarek Yasin Yassin Hamza Bilal Karim Omar
Mohammed Mohamed Muhammad Mahmoud Khaled Khalid Amir Samir Youssef Yousef Rami Ayman Adam Idris Malik Jamal Said Kerim
Dmitri Dmitrij Sergej Sergei Alexej Aleksej Andrej Maxim Maksim Nikita Artjom Artem Iwan Ivan Wladimir Vladimir Pawel
Paweł Jakub Kacper Szymon Wojciech Krzysztof Piotr Tomasz Mateusz Bartosz Marek Michal Michał Oliwer Igor Filip Luka
Marko Stefan Nikola Milos Miloš Dragan Dejan Goran Amar Adnan Emin Haris Kenan Armin Edin Jasmin Alessandro Lorenzo
Francesco Giuseppe Giovanni Antonio Matteo Leonardo Riccardo Gabriele Andrea Tommaso Davide Simone Enzo Nino Pietro
Kai Kay Lars Lennart Luke Marlon Maxim Nick Noel Oliver Pepe Rafael Ruben Sami Sascha Severin Silas Tyler Yannick
Yannik Aaron Arne Bastian Benjamin Carl Karl Carlo Constantin Damian Elia Emilio Ferdinand Friedrich Georg Gustav
Hendrik Henri Henrik Hugo Ilias Jaron Jasper Joel Johann Jona Jonah Joris Juri Jurij Kjell Levin Lio Lian Lion Lorenz
Magnus Malik Manuel Mathis Matti Maxi Mirko Nael Nelio Niko Noa Otto Pius Quentin Rayan Rian Rocco Theodor Valentino
Nikolai Nikolaj Nikolas Nicolas Darius Ahmad Leandro Justus Ilyas Elyas Yiğit Yigit Arian Aron Anas Bennet Colin Dario
Emilian Eliah Jannes Jonte Kalle Keno Laurin Lenny Luan Mailo Matheo Milo Nevio Ramon Ricardo Santino Tiago Timur
Vitus Xaver Zayn Benno Carlos Mattes Taha Yahya Ayaz Alessio Diego
`

// Names given to girls and boys alike: the placeholder says Schüler:in.
const EITHER = 'Kim Deniz Alex Luca Robin Andrea Sascha Charlie Noa Jona Eike Toni Ali Mika Nur Jasmin'

// Ordinary German words, teaching topics and famous people that are also first names: a capitalised
// "Mark" is a currency, "Rosa" a colour, "Ernst" an adjective, "August" a month. These count only in a
// pupil's context (detect-personal-data.ts), never on their own.
export const AMBIGUOUS_NAMES: ReadonlySet<string> = new Set(
  `Mark Rosa Ernst August Paris Milan Jesus Grace Hope Joy Will Can Nur Jasmin Kaiser Herbst Sommer Winter Wolf
  Fuchs Engel Stern Rose Sonne Luna Stella Aurora Mai Juni Juli Adam Eva Noah Kai Frank Hagen Said Bill Dean
  Victoria Viktoria Levi Enzo`
    .split(/\s+/)
    .filter(Boolean),
)

function genders(): Map<string, NameGender> {
  const map = new Map<string, NameGender>()
  const add = (list: string, gender: NameGender) => {
    for (const name of list.split(/\s+/)) {
      if (!name) continue
      const had = map.get(name)
      map.set(name, had && had !== gender ? 'u' : gender)
    }
  }
  add(FEMALE, 'f')
  add(MALE, 'm')
  for (const name of EITHER.split(/\s+/)) if (name) map.set(name, 'u')
  return map
}

/** Every listed first name with the gender its placeholder takes. */
export const FIRST_NAMES: ReadonlyMap<string, NameGender> = genders()

/** Frequent surnames in Germany (Müller … Yılmaz, Nowak), so "Lena Schmidt" is marked as one name. */
export const COMMON_SURNAMES: ReadonlySet<string> = new Set(
  `Müller Schmidt Schneider Fischer Weber Meyer Meier Maier Mayer Wagner Becker Schulz Schulze Hoffmann Schäfer Koch
  Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt Werner
  Schmitz Krause Lehmann Schmid Schulte Köhler Maurer König Walter Peters Huber Kaiser Fuchs Möller Lang Weiß Jung
  Hahn Vogel Friedrich Keller Günther Frank Berger Winkler Roth Beck Lorenz Baumann Franke Albrecht Ludwig Winter
  Simon Kraus Böhm Schuster Martin Jäger Otto Sommer Groß Seidel Heinrich Brandt Haas Schreiber Graf Dietrich Kühn
  Yılmaz Yilmaz Kaya Demir Şahin Sahin Çelik Celik Yıldız Yildiz Yıldırım Öztürk Ozturk Aydın Aydin Özdemir Arslan
  Doğan Dogan Kılıç Kilic Aslan Çetin Kara Koç Kurt Özkan Şimşek Nowak Kowalski Kowalska Wiśniewski Wójcik Kowalczyk
  Kamiński Lewandowski Zieliński Szymański Woźniak Dąbrowski Iwanow Ivanov Petrow Petrov Smirnow Popow Kuznezow Wolkow
  Hodžić Hodzic Kovačević Jovanović Petrović Nikolić Marković Horvat Rossi Russo Ferrari Esposito Bianchi Romano
  Al-Ahmad Haddad Hassan Khalil Ibrahim Saleh Nasser Mansour Rahimi Hosseini Ahmadi Mohammadi`
    .split(/\s+/)
    .filter(Boolean),
)
