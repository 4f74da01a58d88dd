#!/usr/bin/env node
// Writes resources/catalog/demo-catalog.csv: ~300 realistic Saudi grocery products for demos, training and
// the end-to-end tests. Deterministic (no randomness, no dates), so re-running it gives the same bytes
// and a diff shows exactly what changed. Run: node scripts/gen-demo-catalog.mjs [--check]
//
// Barcodes: EAN-13 under the Saudi GS1 prefix 628. The five fixed e2e products use the stems
// 628100000001…5; every other product gets 62810 + two-digit category number + five-digit sequence.
// Check digits are computed here (the TypeScript tests verify every code with main/catalog/barcode.ts).
// Prices are VAT-inclusive SAR. Almost all goods in KSA are standard-rated (S, 15 %); a few qualifying
// medicines and medical goods are zero-rated (Z) to exercise the VAT breakdown. The list is illustrative,
// not tax advice. The file is UTF-8 with a BOM and CRLF line ends, so Excel opens the Arabic correctly.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'catalog', 'demo-catalog.csv');

/** [code, Arabic, English, products: [ar, en, price SAR, vat?][]] */
const CATEGORIES = [
  ['dairy', 'ألبان وأجبان', 'Dairy & Cheese', [
    ['حليب المراعي طازج كامل الدسم ٢ لتر', 'Almarai Fresh Milk Full Fat 2L', '11.50'],
    ['حليب المراعي طازج قليل الدسم ١ لتر', 'Almarai Fresh Milk Low Fat 1L', '6.50'],
    ['حليب نادك طازج ١ لتر', 'Nadec Fresh Milk 1L', '6.25'],
    ['حليب الصافي طازج ٢ لتر', 'Al Safi Fresh Milk 2L', '11.25'],
    ['لبن المراعي ١ لتر', 'Almarai Laban 1L', '5.75'],
    ['لبن نادك ٢ لتر', 'Nadec Laban 2L', '10.50'],
    ['زبادي المراعي كامل الدسم ١٧٠ جم', 'Almarai Full Fat Yoghurt 170g', '1.50'],
    ['زبادي نادك ١ كجم', 'Nadec Yoghurt 1kg', '8.95'],
    ['حليب المراعي بالفراولة ٢٠٠ مل', 'Almarai Strawberry Milk 200ml', '1.75'],
    ['حليب المراعي بالشوكولاتة ٢٠٠ مل', 'Almarai Chocolate Milk 200ml', '1.75'],
    ['حليب السعودية طويل الأجل ١ لتر', 'Saudia Long Life Milk 1L', '5.95'],
    ['حليب مبخر أبو قوس ١٧٠ جم', 'Abu Qaws Evaporated Milk 170g', '2.95'],
    ['جبنة كرافت شيدر ٥٠٠ جم', 'Kraft Cheddar Cheese Spread 500g', '18.95'],
    ['جبنة بوك كريمي ٥٠٠ جم', 'Puck Cream Cheese Spread 500g', '21.50'],
    ['جبنة المراعي مثلثات ١٦ قطعة', 'Almarai Cheese Triangles 16 pcs', '10.95'],
    ['جبنة فيتا نادك ٤٠٠ جم', 'Nadec Feta Cheese 400g', '12.75'],
    ['جبنة حلوم ٢٥٠ جم', 'Halloumi Cheese 250g', '14.50'],
    ['زبدة لورباك ٢٠٠ جم', 'Lurpak Butter 200g', '16.95'],
    ['زبدة المراعي ٢٠٠ جم', 'Almarai Butter 200g', '11.95'],
    ['قشطة بوك ١٧٠ جم', 'Puck Cream 170g', '5.25'],
    ['لبنة المراعي ٤٠٠ جم', 'Almarai Labneh 400g', '10.50'],
    ['بيض طازج ٣٠ حبة', 'Fresh Eggs 30 pcs', '23.95'],
    ['بيض أبيض ١٥ حبة', 'White Eggs 15 pcs', '12.95'],
    ['حليب نيدو بودرة ٩٠٠ جم', 'Nido Milk Powder 900g', '39.95'],
  ]],
  ['bakery', 'مخبوزات', 'Bakery', [
    ['خبز لوزين بر', "L'usine Brown Bread", '5.00'],
    ['خبز توست لوزين ٦٠٠ جم', "L'usine Sliced Toast 600g", '6.50'],
    ['خبز صامولي ٦ حبات', 'Samoli Rolls 6 pcs', '3.00'],
    ['خبز تميس', 'Tamees Bread', '1.00'],
    ['خبز عربي أبيض ٦ أرغفة', 'White Arabic Bread 6 pcs', '3.00'],
    ['خبز عربي بر ٦ أرغفة', 'Wholewheat Arabic Bread 6 pcs', '3.50'],
    ['خبز برجر ٦ حبات', 'Burger Buns 6 pcs', '5.50'],
    ['خبز هوت دوغ ٦ حبات', 'Hot Dog Buns 6 pcs', '5.50'],
    ['بريوش ٦ حبات', 'Brioche Buns 6 pcs', '7.95'],
    ['كرواسون بالشوكولاتة ٥٥ جم', 'Chocolate Croissant 55g', '2.00'],
    ['كعك بالسمسم ٦ حبات', 'Sesame Kaak 6 pcs', '4.50'],
    ['شابورة بالسمسم ٤٠٠ جم', 'Sesame Shaboura Rusks 400g', '8.50'],
    ['بقسماط بالحليب ٢٠٠ جم', 'Milk Rusks 200g', '6.75'],
    ['معمول بالتمر ١٢ حبة', 'Date Maamoul 12 pcs', '14.95'],
    ['كليجا القصيم ٤٠٠ جم', 'Qassim Kleija 400g', '18.00'],
    ['فطيرة جبن', 'Cheese Fatayer', '3.50'],
    ['فطيرة زعتر', "Za'atar Fatayer", '3.00'],
    ['دونات بالشوكولاتة', 'Chocolate Glazed Donut', '4.00'],
    ['كيكة ليمون ٣٠٠ جم', 'Lemon Cake 300g', '9.50'],
    ['كب كيك فانيلا ٦ حبات', 'Vanilla Cupcakes 6 pcs', '12.00'],
    ['مافن بالتوت ٤ حبات', 'Blueberry Muffins 4 pcs', '13.50'],
  ]],
  ['dates', 'تمور', 'Dates', [
    ['تمر سكري ملكي ٥٠٠ جم', 'Royal Sukkari Dates 500g', '22.00'],
    ['تمر خلاص الأحساء ١ كجم', 'Al-Ahsa Khalas Dates 1kg', '32.00'],
    ['تمر عجوة المدينة ٥٠٠ جم', 'Madinah Ajwa Dates 500g', '55.00'],
    ['تمر صقعي ١ كجم', 'Sagai Dates 1kg', '38.00'],
    ['تمر مجدول ١ كجم', 'Medjool Dates 1kg', '75.00'],
    ['تمر صفاوي ١ كجم', 'Safawi Dates 1kg', '40.00'],
    ['تمر برحي ١ كجم', 'Barhi Dates 1kg', '25.00'],
    ['تمر روثانة ٥٠٠ جم', 'Rothana Dates 500g', '18.00'],
    ['تمر خضري ١ كجم', 'Khudri Dates 1kg', '22.00'],
    ['تمر مبروم ١ كجم', 'Mabroom Dates 1kg', '45.00'],
    ['تمر نبتة علي ١ كجم', 'Nabtat Ali Dates 1kg', '30.00'],
    ['تمر شيشي ١ كجم', 'Sheshi Dates 1kg', '20.00'],
    ['تمر سكري محشي باللوز ٢٥٠ جم', 'Sukkari Dates Stuffed with Almonds 250g', '29.50'],
    ['تمر منزوع النوى ٥٠٠ جم', 'Pitted Dates 500g', '16.95'],
    ['تمر خلاص مغلف ٤٠٠ جم', 'Khalas Dates Pack 400g', '13.00'],
    ['معجون تمر ١ كجم', 'Date Paste 1kg', '12.50'],
    ['دبس تمر ٤٥٠ جم', 'Date Syrup 450g', '11.75'],
  ]],
  ['coffee', 'قهوة وشاي', 'Coffee & Tea', [
    ['قهوة عربية شقراء ٥٠٠ جم', 'Light Roast Arabic Coffee 500g', '45.00'],
    ['قهوة خولاني حب ٢٥٠ جم', 'Khawlani Coffee Beans 250g', '38.00'],
    ['قهوة مختصة إثيوبية ٢٥٠ جم', 'Ethiopian Specialty Coffee 250g', '49.00'],
    ['قهوة تركية بالهيل ٢٠٠ جم', 'Turkish Coffee with Cardamom 200g', '14.50'],
    ['نسكافيه كلاسيك ٢٠٠ جم', 'Nescafe Classic 200g', '32.95'],
    ['نسكافيه جولد ١٠٠ جم', 'Nescafe Gold 100g', '29.95'],
    ['نسكافيه ٣ في ١ ٣٠ كيس', 'Nescafe 3in1 30 sachets', '24.95'],
    ['نسكافيه كابتشينو ١٠ أكياس', 'Nescafe Cappuccino 10 sachets', '16.75'],
    ['كبسولات قهوة ١٠ حبات', 'Coffee Capsules 10 pcs', '22.00'],
    ['مبيض قهوة كوفي ميت ٤٠٠ جم', 'Coffee-mate Creamer 400g', '17.50'],
    ['حليب مكثف محلى ٣٩٧ جم', 'Sweetened Condensed Milk 397g', '6.95'],
    ['شاي ربيع ١٠٠ كيس', 'Rabea Tea 100 bags', '17.95'],
    ['شاي ربيع سائب ٤٠٠ جم', 'Rabea Loose Tea 400g', '24.50'],
    ['شاي ليبتون العلامة الصفراء ١٠٠ كيس', 'Lipton Yellow Label Tea 100 bags', '18.50'],
    ['شاي أخضر ليبتون ٢٥ كيس', 'Lipton Green Tea 25 bags', '9.75'],
    ['شاي الكبوس ٤٥٠ جم', 'Alkbous Tea 450g', '21.00'],
    ['شاي بابونج ٢٠ كيس', 'Chamomile Tea 20 bags', '8.50'],
  ]],
  ['rice', 'أرز وحبوب', 'Rice & Grains', [
    ['أرز أبو كاس بسمتي ١٠ كجم', 'Abu Kass Basmati Rice 10kg', '89.95'],
    ['أرز أبو كاس بسمتي ٥ كجم', 'Abu Kass Basmati Rice 5kg', '46.95'],
    ['أرز الشعلان بسمتي ١٠ كجم', 'Al Shalan Basmati Rice 10kg', '84.95'],
    ['أرز الوليمة بسمتي ٥ كجم', 'Al Walimah Basmati Rice 5kg', '42.50'],
    ['أرز مزة بسمتي ٥ كجم', 'Mezza Basmati Rice 5kg', '44.00'],
    ['أرز مصري ٢ كجم', 'Egyptian Rice 2kg', '13.95'],
    ['أرز أمريكي حبة طويلة ٥ كجم', 'American Long Grain Rice 5kg', '31.50'],
    ['برغل خشن ١ كجم', 'Coarse Bulgur 1kg', '6.50'],
    ['جريش ١ كجم', 'Jareesh Cracked Wheat 1kg', '7.25'],
    ['قمح مقشور ١ كجم', 'Hulled Wheat 1kg', '6.95'],
    ['عدس أحمر ١ كجم', 'Red Lentils 1kg', '7.95'],
    ['عدس بني ١ كجم', 'Brown Lentils 1kg', '8.25'],
    ['حمص حب ١ كجم', 'Dried Chickpeas 1kg', '9.50'],
    ['شوفان كويكر ٥٠٠ جم', 'Quaker Oats 500g', '11.95'],
    ['كورن فليكس كيلوقز ٥٠٠ جم', "Kellogg's Corn Flakes 500g", '17.50'],
    ['معكرونة قودي سباغيتي ٤٥٠ جم', 'Goody Spaghetti 450g', '3.75'],
    ['معكرونة قودي بيني ٤٥٠ جم', 'Goody Penne 450g', '3.75'],
    ['شعيرية ٤٠٠ جم', 'Vermicelli 400g', '2.95'],
    ['إندومي نودلز بالدجاج ٥ حبات', 'Indomie Chicken Noodles 5 pcs', '5.50'],
    ['طحين أبيض متعدد الاستعمالات ٢ كجم', 'All-Purpose White Flour 2kg', '7.50'],
    ['طحين بر ٢ كجم', 'Wholewheat Flour 2kg', '8.50'],
    ['كينوا ٥٠٠ جم', 'Quinoa 500g', '16.95'],
  ]],
  ['spices', 'بهارات وتوابل', 'Spices', [
    ['هيل حب ١٠٠ جم', 'Cardamom Pods 100g', '24.95'],
    ['هيل مطحون ٥٠ جم', 'Ground Cardamom 50g', '14.50'],
    ['زعفران إسباني ١ جم', 'Spanish Saffron 1g', '18.00'],
    ['كمون مطحون ١٠٠ جم', 'Ground Cumin 100g', '5.50'],
    ['كركم مطحون ١٠٠ جم', 'Ground Turmeric 100g', '4.75'],
    ['فلفل أسود مطحون ١٠٠ جم', 'Ground Black Pepper 100g', '7.25'],
    ['بهارات كبسة ١٠٠ جم', 'Kabsa Spice Mix 100g', '6.50'],
    ['بهارات مشكلة ١٠٠ جم', 'Mixed Spices 100g', '5.95'],
    ['قرفة أعواد ١٠٠ جم', 'Cinnamon Sticks 100g', '6.95'],
    ['قرنفل حب ٥٠ جم', 'Whole Cloves 50g', '7.50'],
    ['زنجبيل مطحون ١٠٠ جم', 'Ground Ginger 100g', '5.25'],
    ['لومي أسود ٢٠٠ جم', 'Dried Black Lime 200g', '9.95'],
    ['ورق غار ٢٥ جم', 'Bay Leaves 25g', '3.50'],
    ['بابريكا ١٠٠ جم', 'Paprika 100g', '5.75'],
    ['شطة حمراء مطحونة ١٠٠ جم', 'Red Chilli Powder 100g', '5.50'],
    ['كزبرة مطحونة ١٠٠ جم', 'Ground Coriander 100g', '4.50'],
    ['يانسون ١٠٠ جم', 'Aniseed 100g', '5.25'],
    ['زعتر أخضر ٢٠٠ جم', "Green Za'atar 200g", '9.50'],
    ['سماق ١٠٠ جم', 'Sumac 100g', '6.25'],
    ['ملح طعام ٧٣٧ جم', 'Table Salt 737g', '2.25'],
    ['ملح بحري خشن ١ كجم', 'Coarse Sea Salt 1kg', '4.50'],
    ['مرقة دجاج ماجي ٢٤ مكعب', 'Maggi Chicken Stock 24 cubes', '9.95'],
  ]],
  ['pantry', 'مواد غذائية', 'Pantry', [
    ['زيت عافية دوار الشمس ١٫٨ لتر', 'Afia Sunflower Oil 1.8L', '24.95'],
    ['زيت ذرة ١٫٥ لتر', 'Corn Oil 1.5L', '19.95'],
    ['زيت زيتون بكر ممتاز ٥٠٠ مل', 'Extra Virgin Olive Oil 500ml', '29.95'],
    ['سمن بلدي ٨٠٠ جم', 'Local Ghee 800g', '39.00'],
    ['سكر الأسرة أبيض ٥ كجم', 'Al Osra White Sugar 5kg', '18.95'],
    ['سكر ناعم ٢ كجم', 'Fine Sugar 2kg', '7.95'],
    ['عسل سدر ٥٠٠ جم', 'Sidr Honey 500g', '120.00'],
    ['عسل لانجنيز ٤٠٠ جم', 'Langnese Honey 400g', '19.95'],
    ['مربى فراولة ٤٥٠ جم', 'Strawberry Jam 450g', '9.50'],
    ['حلاوة طحينية ٤٥٠ جم', 'Tahini Halawa 450g', '12.95'],
    ['طحينة ٤٠٠ جم', 'Tahini 400g', '11.50'],
    ['تونة قودي قطع ١٨٥ جم', 'Goody Tuna Chunks 185g', '7.95'],
    ['تونة في ماء ١٦٠ جم', 'Tuna in Water 160g', '6.95'],
    ['فول مدمس كاليفورنيا جاردن ٤٥٠ جم', 'California Garden Fava Beans 450g', '3.25'],
    ['حمص بالطحينة معلب ٤٠٠ جم', 'Canned Hummus Tahini 400g', '4.50'],
    ['فاصوليا حمراء معلبة ٤٠٠ جم', 'Canned Red Kidney Beans 400g', '3.95'],
    ['ذرة حلوة معلبة ٣٤٠ جم', 'Canned Sweet Corn 340g', '4.95'],
    ['فطر شرائح ٤٠٠ جم', 'Sliced Mushrooms 400g', '5.50'],
    ['معجون طماطم ١٣٥ جم', 'Tomato Paste 135g', '1.25'],
    ['كاتشب ٣٤٠ جم', 'Ketchup 340g', '6.25'],
    ['مايونيز ٤٧٣ مل', 'Mayonnaise 473ml', '12.95'],
    ['خل أبيض ٥٠٠ مل', 'White Vinegar 500ml', '3.50'],
    ['زيتون أخضر ٤٥٠ جم', 'Green Olives 450g', '9.95'],
    ['حليب جوز الهند ٤٠٠ مل', 'Coconut Milk 400ml', '6.50'],
    ['خلطة كريم كراميل ٧١ جم', 'Creme Caramel Mix 71g', '3.95'],
  ]],
  ['beverages', 'مشروبات', 'Beverages', [
    ['ماء نوفا ١٫٥ لتر', 'Nova Water 1.5L', '2.00'],
    ['ماء نوفا ٣٣٠ مل ٢٠ عبوة', 'Nova Water 330ml 20-pack', '11.50'],
    ['ماء بيرين ٣٣٠ مل ٤٠ عبوة', 'Berain Water 330ml 40-pack', '22.00'],
    ['ماء العين ٥٠٠ مل', 'Al Ain Water 500ml', '1.00'],
    ['ماء تانيا ٢٠٠ مل ٤٨ عبوة', 'Tania Water 200ml 48-pack', '19.95'],
    ['عصير الربيع برتقال ١ لتر', 'Al Rabie Orange Juice 1L', '6.50'],
    ['عصير الربيع مانجو ٢٠٠ مل', 'Al Rabie Mango Juice 200ml', '1.25'],
    ['عصير المراعي برتقال ومانجو ١٫٤ لتر', 'Almarai Orange & Mango Juice 1.4L', '8.75'],
    ['عصير سن توب برتقال ١٢٥ مل', 'Suntop Orange Juice 125ml', '1.00'],
    ['عصير تفاح ١ لتر', 'Apple Juice 1L', '7.25'],
    ['بيبسي ٣٢٠ مل', 'Pepsi 320ml', '2.75'],
    ['بيبسي ٢٫٢٥ لتر', 'Pepsi 2.25L', '7.95'],
    ['كوكاكولا ٣٢٠ مل', 'Coca-Cola 320ml', '2.75'],
    ['سفن أب ٣٢٠ مل', '7Up 320ml', '2.75'],
    ['ميرندا برتقال ٣٢٠ مل', 'Mirinda Orange 320ml', '2.75'],
    ['شاني ٣٢٠ مل', 'Shani 320ml', '2.75'],
    ['مشروب شعير موسي ٣٣٠ مل', 'Moussy Malt Beverage 330ml', '3.00'],
    ['مشروب طاقة ريد بول ٢٥٠ مل', 'Red Bull Energy Drink 250ml', '8.50'],
    ['مياه بيرييه غازية ٣٣٠ مل', 'Perrier Sparkling Water 330ml', '5.50'],
    ['فيمتو شراب مركز ٧١٠ مل', 'Vimto Cordial 710ml', '13.95'],
    ['تانج برتقال ٥٠٠ جم', 'Tang Orange Drink Powder 500g', '15.95'],
  ]],
  ['snacks', 'وجبات خفيفة', 'Snacks', [
    ['شيبس ليز ملح ١٦٥ جم', "Lay's Salted Chips 165g", '9.50'],
    ['شيبس ليز بالجبن ١٦٥ جم', "Lay's Cheese Chips 165g", '9.50'],
    ['شيبس عمان ١٥ جم', 'Oman Chips 15g', '0.50'],
    ['برينغلز أصلي ١٦٥ جم', 'Pringles Original 165g', '10.95'],
    ['دوريتوس بالجبن ١٨٠ جم', 'Doritos Nacho Cheese 180g', '9.75'],
    ['تشيتوس كرانشي ٧٥ جم', 'Cheetos Crunchy 75g', '3.00'],
    ['فشار ميكروويف ٣ أكياس', 'Microwave Popcorn 3 bags', '8.95'],
    ['فستق حلبي محمص ٢٥٠ جم', 'Roasted Pistachios 250g', '28.00'],
    ['لوز محمص ٢٠٠ جم', 'Roasted Almonds 200g', '19.50'],
    ['كاجو محمص ٢٠٠ جم', 'Roasted Cashews 200g', '21.00'],
    ['حب شمسي ٢٥٠ جم', 'Sunflower Seeds 250g', '6.50'],
    ['مكسرات مشكلة ٣٠٠ جم', 'Mixed Nuts 300g', '26.50'],
    ['شوكولاتة جالكسي ٣٦ جم', 'Galaxy Chocolate 36g', '3.00'],
    ['كيت كات ٤ أصابع', 'KitKat 4 Fingers', '2.75'],
    ['سنيكرز ٥٠ جم', 'Snickers 50g', '3.00'],
    ['بسكويت أبو ولد ١٢ حبة', 'Abu Walad Biscuits 12 pcs', '6.00'],
    ['بسكويت أوريو ١٣٣ جم', 'Oreo Biscuits 133g', '4.50'],
    ['بسكويت ماري ٢٠٠ جم', 'Marie Tea Biscuits 200g', '3.75'],
    ['ويفر لواكر بالبندق ٤٥ جم', 'Loacker Hazelnut Wafer 45g', '4.25'],
    ['علكة تريدنت بالنعناع', 'Trident Mint Gum', '2.50'],
    ['حلوى هاريبو الدببة الذهبية ٨٠ جم', 'Haribo Goldbears 80g', '4.50'],
  ]],
  ['cleaning', 'منظفات ومستلزمات منزلية', 'Cleaning & Household', [
    ['تايد مسحوق غسيل أوتوماتيك ٢٫٥ كجم', 'Tide Automatic Powder 2.5kg', '39.95'],
    ['أريال سائل غسيل ٢ لتر', 'Ariel Liquid Detergent 2L', '34.50'],
    ['داوني منعم ملابس ١ لتر', 'Downy Fabric Softener 1L', '14.95'],
    ['فيري سائل غسيل الصحون ١ لتر', 'Fairy Dishwashing Liquid 1L', '11.50'],
    ['كلوركس مبيض أصلي ٣٫٧٨ لتر', 'Clorox Original Bleach 3.78L', '15.95'],
    ['ديتول مطهر ١ لتر', 'Dettol Antiseptic 1L', '34.95'],
    ['منظف أرضيات فلاش ١٫٥ لتر', 'Flash Floor Cleaner 1.5L', '13.50'],
    ['منظف زجاج ٧٥٠ مل', 'Glass Cleaner 750ml', '8.75'],
    ['منظف متعدد الاستعمالات ١ لتر', 'Multi-Purpose Cleaner 1L', '9.50'],
    ['مبيد حشرات ريد ٣٠٠ مل', 'Raid Insect Killer 300ml', '16.50'],
    ['معطر جو جليد ٣٠٠ مل', 'Glade Air Freshener 300ml', '9.95'],
    ['مناديل فاين ٥ علب', 'Fine Facial Tissues 5 boxes', '19.95'],
    ['مناديل مطبخ فاين ٤ رولات', 'Fine Kitchen Towels 4 rolls', '14.50'],
    ['ورق تواليت فاين ١٠ رولات', 'Fine Toilet Tissue 10 rolls', '21.95'],
    ['أكياس قمامة ٥٠ كيس', 'Garbage Bags 50 pcs', '8.95'],
    ['إسفنج تنظيف ٣ حبات', 'Cleaning Sponges 3 pcs', '4.50'],
    ['ورق ألمنيوم ٢٥ قدم', 'Aluminium Foil 25 ft', '7.95'],
    ['غلاف بلاستيك للطعام ٣٠ م', 'Cling Film 30m', '6.50'],
    ['أطباق ورقية ٢٥ حبة', 'Paper Plates 25 pcs', '6.00'],
    ['أكواب بلاستيك ٥٠ حبة', 'Plastic Cups 50 pcs', '5.50'],
    ['فحم شواء ٣ كجم', 'Barbecue Charcoal 3kg', '15.00'],
  ]],
  ['personal-care', 'عناية شخصية', 'Personal Care', [
    ['صابون لوكس ١٧٠ جم', 'Lux Soap 170g', '3.50'],
    ['صابونة دوف ١٠٠ جم', 'Dove Beauty Bar 100g', '5.50'],
    ['شامبو هيد آند شولدرز ٤٠٠ مل', 'Head & Shoulders Shampoo 400ml', '24.95'],
    ['شامبو بانتين ٤٠٠ مل', 'Pantene Shampoo 400ml', '22.95'],
    ['معجون أسنان سيجنال ١٠٠ مل', 'Signal Toothpaste 100ml', '8.95'],
    ['معجون أسنان سنسوداين ٧٥ مل', 'Sensodyne Toothpaste 75ml', '19.95'],
    ['فرشاة أسنان أورال بي', 'Oral-B Toothbrush', '9.50'],
    ['مسواك', 'Miswak Stick', '3.00'],
    ['مزيل عرق ريكسونا ١٥٠ مل', 'Rexona Deodorant 150ml', '15.95'],
    ['شفرات حلاقة جيليت ٥ حبات', 'Gillette Razors 5 pcs', '18.50'],
    ['رغوة حلاقة جيليت ٢٠٠ مل', 'Gillette Shaving Foam 200ml', '13.95'],
    ['غسول يدين ديتول ٢٠٠ مل', 'Dettol Hand Wash 200ml', '9.95'],
    ['معقم يدين ٥٠٠ مل', 'Hand Sanitizer 500ml', '14.50'],
    ['كريم نيفيا ٢٠٠ مل', 'Nivea Creme 200ml', '21.50'],
    ['فازلين جل بترولي ١٠٠ مل', 'Vaseline Petroleum Jelly 100ml', '8.95'],
    ['حفاضات بامبرز مقاس ٤ ٤٦ حبة', 'Pampers Diapers Size 4 46 pcs', '54.95'],
    ['مناديل مبللة للأطفال ٦٤ حبة', 'Baby Wet Wipes 64 pcs', '9.95'],
    ['فوط صحية أولويز ١٦ حبة', 'Always Pads 16 pcs', '14.95'],
    ['أعواد قطنية ٢٠٠ حبة', 'Cotton Buds 200 pcs', '6.50'],
    ['مناديل جيب ١٠ حبات', 'Pocket Tissues 10 packs', '5.00'],
    ['دهن عود ٣ مل', 'Oud Oil 3ml', '45.00'],
    ['بخور معمول ٥٠ جم', "Bakhoor Ma'amoul 50g", '25.00'],
  ]],
  ['produce', 'خضار وفواكه', 'Fruit & Vegetables', [
    ['طماطم ١ كجم', 'Tomatoes 1kg', '4.95'],
    ['خيار ١ كجم', 'Cucumbers 1kg', '5.50'],
    ['بطاطس ٢ كجم', 'Potatoes 2kg', '7.95'],
    ['بصل أحمر ٢ كجم', 'Red Onions 2kg', '6.95'],
    ['جزر ١ كجم', 'Carrots 1kg', '4.25'],
    ['ليمون ٥٠٠ جم', 'Lemons 500g', '4.50'],
    ['ثوم ٢٥٠ جم', 'Garlic 250g', '4.75'],
    ['فلفل رومي أخضر ٥٠٠ جم', 'Green Capsicum 500g', '5.25'],
    ['باذنجان ١ كجم', 'Aubergines 1kg', '5.95'],
    ['كوسة ١ كجم', 'Courgettes 1kg', '6.50'],
    ['خس روماني', 'Romaine Lettuce', '3.50'],
    ['بقدونس حزمة', 'Parsley Bunch', '1.00'],
    ['نعناع حزمة', 'Mint Bunch', '1.00'],
    ['كزبرة خضراء حزمة', 'Fresh Coriander Bunch', '1.00'],
    ['موز ١ كجم', 'Bananas 1kg', '6.95'],
    ['تفاح أحمر ١ كجم', 'Red Apples 1kg', '8.95'],
    ['برتقال عصير ٢ كجم', 'Juice Oranges 2kg', '9.50'],
    ['عنب أحمر ٥٠٠ جم', 'Red Grapes 500g', '9.95'],
    ['رمان ١ كجم', 'Pomegranates 1kg', '12.50'],
    ['مانجو ١ كجم', 'Mangoes 1kg', '14.95'],
    ['فراولة ٢٥٠ جم', 'Strawberries 250g', '9.00'],
    ['بطيخ حبة', 'Watermelon each', '15.00'],
  ]],
  ['frozen', 'دواجن ومجمدات', 'Poultry & Frozen', [
    ['دجاج الوطنية طازج ١ كجم', 'Al Watania Fresh Chicken 1kg', '19.95'],
    ['دجاج ساديا مجمد ١٠٠٠ جم', 'Sadia Frozen Chicken 1000g', '17.95'],
    ['صدور دجاج ساديا ١ كجم', 'Sadia Chicken Breasts 1kg', '29.95'],
    ['ناجتس دجاج ٤٠٠ جم', 'Chicken Nuggets 400g', '14.50'],
    ['نقانق دجاج ٣٤٠ جم', 'Chicken Franks 340g', '7.95'],
    ['برجر لحم بقري أمريكانا ١٢ قطعة', 'Americana Beef Burgers 12 pcs', '24.95'],
    ['لحم ضأن مجمد ١ كجم', 'Frozen Lamb 1kg', '39.95'],
    ['سمك فيليه مجمد ١ كجم', 'Frozen Fish Fillet 1kg', '24.50'],
    ['روبيان مجمد ٥٠٠ جم', 'Frozen Shrimp 500g', '32.00'],
    ['بطاطس مقلية مجمدة ٢٫٥ كجم', 'Frozen French Fries 2.5kg', '19.95'],
    ['خضار مشكلة مجمدة ٤٥٠ جم', 'Frozen Mixed Vegetables 450g', '5.50'],
    ['بازلاء مجمدة ٤٥٠ جم', 'Frozen Peas 450g', '5.25'],
    ['ملوخية مجمدة ٤٠٠ جم', 'Frozen Molokhia 400g', '4.75'],
    ['سمبوسة لحم ٢٤ حبة', 'Meat Sambousek 24 pcs', '16.95'],
    ['سمبوسة جبن ٢٤ حبة', 'Cheese Sambousek 24 pcs', '15.95'],
    ['رقائق سمبوسة ٥٠٠ جم', 'Sambousek Pastry Sheets 500g', '7.50'],
    ['بيتزا مارغريتا مجمدة', 'Frozen Margherita Pizza', '14.95'],
    ['آيس كريم فانيلا ٢ لتر', 'Vanilla Ice Cream 2L', '19.50'],
  ]],
  // Qualifying medicines and medical goods are zero-rated in KSA; supplements and general first-aid are not.
  ['pharmacy', 'صيدلية', 'Pharmacy', [
    ['بنادول ٥٠٠ ملغ ٢٤ قرص', 'Panadol 500mg 24 tablets', '7.60', 'Z'],
    ['أدول ٥٠٠ ملغ ٢٤ قرص', 'Adol 500mg 24 tablets', '4.25', 'Z'],
    ['فيفادول ٥٠٠ ملغ ٢٠ قرص', 'Fevadol 500mg 20 tablets', '3.60', 'Z'],
    ['بروفين ٤٠٠ ملغ ٣٠ قرص', 'Brufen 400mg 30 tablets', '13.20', 'Z'],
    ['شرائط فحص السكر ٥٠ شريط', 'Blood Glucose Test Strips 50 pcs', '65.00', 'Z'],
    ['لاصق جروح ٢٠ قطعة', 'Adhesive Bandages 20 pcs', '6.50'],
    ['كمامات طبية ٥٠ حبة', 'Medical Face Masks 50 pcs', '15.00'],
    ['فيتامين سي فوار ١٠٠٠ ملغ', 'Vitamin C 1000mg Effervescent', '17.50'],
    ['ميزان حرارة رقمي', 'Digital Thermometer', '25.00'],
  ]],
  ['baby', 'مستلزمات الأطفال', 'Baby', [
    ['حليب أطفال سيميلاك ١ ٤٠٠ جم', 'Similac 1 Infant Formula 400g', '58.00'],
    ['حليب أطفال نان ٢ ٤٠٠ جم', 'NAN 2 Follow-on Formula 400g', '62.50'],
    ['حليب أطفال أبتاميل ٣ ٩٠٠ جم', 'Aptamil 3 Growing-up Milk 900g', '98.00'],
    ['سيريلاك قمح بالحليب ٤٠٠ جم', 'Cerelac Wheat with Milk 400g', '21.95'],
    ['سيريلاك أرز ٢٥٠ جم', 'Cerelac Rice 250g', '15.50'],
    ['هريس فواكه للأطفال ١٢٠ جم', 'Baby Fruit Puree 120g', '5.95'],
    ['حفاضات بيبي جوي مقاس ٣ ٥٢ حبة', 'BabyJoy Diapers Size 3 52 pcs', '39.95'],
    ['حفاضات مولفكس مقاس ٥ ٤٢ حبة', 'Molfix Diapers Size 5 42 pcs', '44.95'],
    ['شامبو جونسون للأطفال ٣٠٠ مل', "Johnson's Baby Shampoo 300ml", '17.95'],
    ['زيت جونسون للأطفال ٢٠٠ مل', "Johnson's Baby Oil 200ml", '15.50'],
    ['كريم سودوكريم للحفاض ١٢٥ جم', 'Sudocrem Nappy Cream 125g', '29.00'],
    ['رضاعة أطفال ٢٥٠ مل', 'Baby Feeding Bottle 250ml', '24.00'],
    ['لهاية سيليكون', 'Silicone Pacifier', '12.50'],
  ]],
];

/** The e2e products, first in their categories. Same list as main/catalog/demo-fixed.ts. */
const FIXED = [
  ['628100000001', 'حليب المراعي طازج ١ لتر', 'Almarai Fresh Milk 1L', '6.50', 'S', 'dairy'],
  ['628100000002', 'خبز لوزين أبيض', "L'usine White Bread", '5.00', 'S', 'bakery'],
  ['628100000003', 'تمر سكري ١ كجم', 'Sukkari Dates 1kg', '35.00', 'S', 'dates'],
  ['628100000004', 'قهوة عربية بالهيل ٢٥٠ جم', 'Arabic Coffee with Cardamom 250g', '27.75', 'S', 'coffee'],
  ['628100000005', 'ماء نوفا ٣٣٠ مل', 'Nova Water 330ml', '1.00', 'S', 'beverages'],
];

/**
 * Loose goods sold by weight (sold_by kg, price per kilogram), under the shop's own 5-digit PLU codes: the item
 * code its scales print in weight and price labels (docs/catalog.md). [PLU, Arabic, English, price SAR/kg, category]
 */
const WEIGHED = [
  ['10001', 'تمر سكري سائب', 'Sukkari Dates, loose', '45.00', 'dates'],
  ['10002', 'تمر خلاص سائب', 'Khalas Dates, loose', '38.00', 'dates'],
  ['20001', 'لحم غنم نعيمي', 'Naimi Lamb', '75.00', 'frozen'],
  ['20002', 'لحم بقري مفروم', 'Minced Beef', '52.00', 'frozen'],
  ['30001', 'طماطم', 'Tomatoes', '6.50', 'produce'],
  ['30002', 'موز', 'Bananas', '7.95', 'produce'],
  ['30003', 'خيار', 'Cucumbers', '5.75', 'produce'],
];

/** GS1 check digit: weights 3,1,3,… from the rightmost body digit. */
function checkDigit(body) {
  let sum = 0;
  for (let i = body.length - 1, w = 3; i >= 0; i--, w = 4 - w) sum += Number(body[i]) * w;
  return String((10 - (sum % 10)) % 10);
}

const field = (v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function demoCatalogRows() {
  const rows = [];
  const seen = new Set();
  CATEGORIES.forEach(([code, catAr, catEn, products], index) => {
    const cat = [code, catAr, catEn];
    for (const [stem, ar, en, price, vat, c] of FIXED) {
      if (c === code) rows.push([stem + checkDigit(stem), ar, en, price, vat, ...cat, '']);
    }
    products.forEach(([ar, en, price, vat = 'S'], i) => {
      const stem = `62810${String(index + 1).padStart(2, '0')}${String(i + 1).padStart(5, '0')}`;
      rows.push([stem + checkDigit(stem), ar, en, price, vat, ...cat, '']);
    });
    for (const [plu, ar, en, price, c] of WEIGHED) {
      if (c === code) rows.push([plu, ar, en, price, 'S', ...cat, 'kg']);
    }
  });
  for (const r of rows) {
    if (seen.has(r[0])) throw new Error(`duplicate barcode ${r[0]}`);
    if (seen.has(`${r[1]}|${r[2]}`)) throw new Error(`duplicate product ${r[2]}`);
    if (!/^\d+\.\d\d$/.test(r[3])) throw new Error(`price ${r[3]} for ${r[2]} is not SAR with two decimals`);
    seen.add(r[0]);
    seen.add(`${r[1]}|${r[2]}`);
  }
  return rows;
}

const header = ['barcode', 'name_ar', 'name_en', 'price_sar', 'vat_category', 'category_code', 'category_ar', 'category_en', 'sold_by'];
const text = '\ufeff' + [header, ...demoCatalogRows()].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';

if (process.argv.includes('--check')) {
  const current = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
  if (current !== text) {
    console.error(`${path.relative(process.cwd(), out)} is out of date: run node scripts/gen-demo-catalog.mjs`);
    process.exit(1);
  }
  console.log('demo catalog up to date');
} else {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, text);
  console.log(`wrote ${demoCatalogRows().length} products to ${path.relative(process.cwd(), out)}`);
}
