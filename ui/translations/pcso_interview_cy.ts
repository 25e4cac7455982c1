<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy_GB">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Add an HR account</source>
        <translation>Ychwanegu cyfrif AD</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôl</translation>
    </message>
    <message>
        <source>HR (review, reprint, export, reopen, withdraw, purge)</source>
        <translation>AD (adolygu, ailargraffu, allforio, ailagor, tynnu&apos;n ôl, dileu)</translation>
    </message>
    <message>
        <source>Admin (also adds accounts and resets passphrases and PINs)</source>
        <translation>Gweinyddwr (hefyd yn ychwanegu cyfrifon ac yn ailosod cyfrinymadroddion a rhifau PIN)</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Cyfrinymadrodd</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Cyfrinymadrodd eto</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>E&amp;nw:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rôl:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>Cyfrinymadrodd (&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>Et&amp;o:</translation>
    </message>
    <message>
        <source>A passphrase has at least {PASSPHRASE_MIN} characters; pass it on in person.</source>
        <translation>Mae gan gyfrinymadrodd o leiaf {PASSPHRASE_MIN} nod; rhowch ef i&apos;r person wyneb yn wyneb.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Mae&apos;r ddau gyfrinymadrodd yn wahanol.</translation>
    </message>
</context>
<context>
    <name>ArchiveWindow</name>
    <message>
        <source>Force archive password</source>
        <translation>Cyfrinair archif yr heddlu</translation>
    </message>
    <message>
        <source>PCSO interview — force archive {archive}</source>
        <translation>Cyfweliad SCCH — archif yr heddlu {archive}</translation>
    </message>
    <message>
        <source>Modes</source>
        <translation>Moddau</translation>
    </message>
    <message>
        <source>HR &amp;review</source>
        <translation>Adolygiad AD (&amp;R)</translation>
    </message>
    <message>
        <source>S&amp;tatistics</source>
        <translation>Ys&amp;tadegau</translation>
    </message>
    <message>
        <source>Force archive: {archive}, read as {login}. Sessions reach it from each laptop&apos;s HR review: Send to force archive.</source>
        <translation>Archif yr heddlu: {archive}, wedi&apos;i darllen fel {login}. Daw sesiynau iddi o Adolygiad AD pob gliniadur: Anfon i archif yr heddlu.</translation>
    </message>
    <message>
        <source>Cannot open the force archive</source>
        <translation>Methu agor archif yr heddlu</translation>
    </message>
</context>
<context>
    <name>AreaPage</name>
    <message>
        <source>Area</source>
        <translation>Maes</translation>
    </message>
    <message>
        <source>Question asked</source>
        <translation>Cwestiwn a ofynnwyd</translation>
    </message>
    <message>
        <source>Type the question asked for this area</source>
        <translation>Teipiwch y cwestiwn a ofynnwyd ar gyfer y maes hwn</translation>
    </message>
    <message>
        <source>&amp;Q:</source>
        <translation>&amp;C:</translation>
    </message>
    <message>
        <source>The question asked for this area (Ctrl+Shift+Q)</source>
        <translation>Y cwestiwn a ofynnwyd ar gyfer y maes hwn (Ctrl+Shift+Q)</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Dangosyddion</translation>
    </message>
    <message>
        <source>D demonstrated, P partly, C contrary, N nothing recorded, Enter for the note, 1 to 5 for the grade (G then the letter on a lettered scale)</source>
        <translation>D wedi&apos;i ddangos, P yn rhannol, C croes, N dim wedi&apos;i gofnodi, Enter ar gyfer y nodyn, 1 i 5 ar gyfer y radd (G ac yna&apos;r llythyren ar raddfa lythrennau)</translation>
    </message>
    <message>
        <source>Evidence note for the selected indicator</source>
        <translation>Nodyn tystiolaeth ar gyfer y dangosydd a ddewiswyd</translation>
    </message>
    <message>
        <source>Evidence note for the selected indicator (Enter to type)</source>
        <translation>Nodyn tystiolaeth ar gyfer y dangosydd a ddewiswyd (Enter i deipio)</translation>
    </message>
    <message>
        <source>Evidence &amp;note</source>
        <translation>&amp;Nodyn tystiolaeth</translation>
    </message>
    <message>
        <source>Free note for the area</source>
        <translation>Nodyn rhydd ar gyfer y maes</translation>
    </message>
    <message>
        <source>Anything else for this area (Ctrl+E)</source>
        <translation>Unrhyw beth arall ar gyfer y maes hwn (Ctrl+E)</translation>
    </message>
    <message>
        <source>Your &amp;grade</source>
        <translation>Eich &amp;gradd</translation>
    </message>
    <message>
        <source>Your classification counts</source>
        <translation>Cyfrif eich dosbarthiadau</translation>
    </message>
    <message>
        <source>The indicators complete</source>
        <translation>Y dangosyddion yn gyflawn</translation>
    </message>
    <message>
        <source>Descriptor</source>
        <translation>Disgrifydd</translation>
    </message>
    <message>
        <source>Grade warning</source>
        <translation>Rhybudd gradd</translation>
    </message>
    <message>
        <source>Area n&amp;ote (Ctrl+E)</source>
        <translation>N&amp;odyn y maes (Ctrl+E)</translation>
    </message>
    <message>
        <source> · indicator text: national CVF</source>
        <translation> · testun y dangosydd: CVF cenedlaethol</translation>
    </message>
    <message>
        <source> · observed, not scored (weight 0)</source>
        <translation> · wedi&apos;i arsylwi, heb ei sgorio (pwysiad 0)</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;font-size:large&apos;&gt;{value}&lt;/b&gt;</source>
        <translation>&lt;b style=&apos;font-size:large&apos;&gt;{value}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;h2 style=&apos;margin:0&apos;&gt;{value}&lt;/h2&gt;{value2}</source>
        <translation>&lt;h2 style=&apos;margin:0&apos;&gt;{value}&lt;/h2&gt;{value2}</translation>
    </message>
    <message>
        <source>Grade {label}, {name}</source>
        <translation>Gradd {label}, {name}</translation>
    </message>
    <message>
        <source>Your &amp;grade ({value})</source>
        <translation>Eich &amp;gradd ({value})</translation>
    </message>
    <message>
        <source>your grade {value}</source>
        <translation>eich gradd {value}</translation>
    </message>
    <message>
        <source>not graded yet</source>
        <translation>heb ei raddio eto</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your evidence&lt;/b&gt; ({graded}):&lt;br&gt;{counts}</source>
        <translation>&lt;b&gt;Eich tystiolaeth&lt;/b&gt; ({graded}):&lt;br&gt;{counts}</translation>
    </message>
    <message>
        <source>⚠ Graded {value} with nothing recorded for this area. If there was evidence, classify it (D, P, C) or add a note; the grade stands either way.</source>
        <translation>⚠ Graddiwyd {value} heb ddim wedi&apos;i gofnodi ar gyfer y maes hwn. Os oedd tystiolaeth, dosbarthwch hi (D, P, C) neu ychwanegwch nodyn; mae&apos;r radd yn sefyll y naill ffordd neu&apos;r llall.</translation>
    </message>
    <message>
        <source>&amp;Note {number}:</source>
        <translation>&amp;Nodyn {number}:</translation>
    </message>
    <message>
        <source>Evidence &amp;note for indicator {number}</source>
        <translation>&amp;Nodyn tystiolaeth ar gyfer dangosydd {number}</translation>
    </message>
    <message>
        <source>Question {number} asked</source>
        <translation>Cwestiwn {number} a ofynnwyd</translation>
    </message>
    <message>
        <source>Type question {number} asked for this area</source>
        <translation>Teipiwch gwestiwn {number} a ofynnwyd ar gyfer y maes hwn</translation>
    </message>
    <message>
        <source>Q{number}:</source>
        <translation>C{number}:</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <source>Set the campaign</source>
        <translation>Gosod yr ymgyrch</translation>
    </message>
    <message numerus="yes">
        <source>Which campaign do the %Ln selected session(s) belong to? Choose one or type a new name. The move is audited in your name; signed records are not changed.</source>
        <translation>
            <numerusform>I ba ymgyrch y mae&apos;r %Ln sesiwn a ddewiswyd yn perthyn? Dewiswch un neu teipiwch enw newydd. Caiff y symud ei gofnodi yn y trywydd archwilio yn eich enw chi; nid yw cofnodion wedi&apos;u llofnodi yn newid.</numerusform>
            <numerusform>I ba ymgyrch y mae&apos;r %Ln sesiwn a ddewiswyd yn perthyn? Dewiswch un neu teipiwch enw newydd. Caiff y symud ei gofnodi yn y trywydd archwilio yn eich enw chi; nid yw cofnodion wedi&apos;u llofnodi yn newid.</numerusform>
            <numerusform>I ba ymgyrch y mae&apos;r %Ln sesiwn a ddewiswyd yn perthyn? Dewiswch un neu teipiwch enw newydd. Caiff y symud ei gofnodi yn y trywydd archwilio yn eich enw chi; nid yw cofnodion wedi&apos;u llofnodi yn newid.</numerusform>
            <numerusform>I ba ymgyrch y mae&apos;r %Ln sesiwn a ddewiswyd yn perthyn? Dewiswch un neu teipiwch enw newydd. Caiff y symud ei gofnodi yn y trywydd archwilio yn eich enw chi; nid yw cofnodion wedi&apos;u llofnodi yn newid.</numerusform>
            <numerusform>I ba ymgyrch y mae&apos;r %Ln sesiwn a ddewiswyd yn perthyn? Dewiswch un neu teipiwch enw newydd. Caiff y symud ei gofnodi yn y trywydd archwilio yn eich enw chi; nid yw cofnodion wedi&apos;u llofnodi yn newid.</numerusform>
        </translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Ymgyrch</translation>
    </message>
</context>
<context>
    <name>CampaignFilter</name>
    <message>
        <source>Every campaign</source>
        <translation>Pob ymgyrch</translation>
    </message>
</context>
<context>
    <name>ConsensusModel</name>
    <message>
        <source>Area</source>
        <translation>Maes</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>Gwasgariad</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>Cytunwyd</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>Rhesymeg</translation>
    </message>
    <message>
        <source>The agreed grade lies outside the members&apos; grades: a rationale is required.</source>
        <translation>Mae&apos;r radd gytunedig y tu allan i raddau&apos;r aelodau: mae angen rhesymeg.</translation>
    </message>
    <message>
        <source>⚑ {SPREAD_FLAG_AT}+ discuss</source>
        <translation>⚑ {SPREAD_FLAG_AT}+ trafodwch</translation>
    </message>
    <message>
        <source>⚠ required: outside the members&apos; grades</source>
        <translation>⚠ yn ofynnol: y tu allan i raddau&apos;r aelodau</translation>
    </message>
</context>
<context>
    <name>ConsensusPage</name>
    <message>
        <source>&lt;h2 style=&apos;margin:0&apos;&gt;Consensus&lt;/h2&gt;</source>
        <translation>&lt;h2 style=&apos;margin:0&apos;&gt;Consensws&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Agreed grades</source>
        <translation>Graddau cytunedig</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Canlyniad</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Heb ei gadw</translation>
    </message>
    <message>
        <source>The members&apos; grades stay hidden from {name} until they have graded every area ({done} of {count} done).</source>
        <translation>Mae graddau&apos;r aelodau&apos;n aros yn gudd rhag {name} nes iddynt raddio pob maes ({done} o {count} wedi&apos;u gwneud).</translation>
    </message>
    <message>
        <source>The chair ({name}) records the agreed grades: choose &apos;Scoring as&apos; the chair (Ctrl+M) to type them.</source>
        <translation>Y cadeirydd ({name}) sy&apos;n cofnodi&apos;r graddau cytunedig: dewiswch &apos;Yn sgorio fel&apos; y cadeirydd (Ctrl+M) i&apos;w teipio.</translation>
    </message>
    <message>
        <source>One member: each agreed grade is taken from your own grade as you grade the area. Type another grade here to change it (Right for the rationale, which is required when it differs from yours).</source>
        <translation>Un aelod: mae pob gradd gytunedig yn dod o&apos;ch gradd eich hun wrth i chi raddio&apos;r maes. Teipiwch radd arall yma i&apos;w newid (De ar gyfer y rhesymeg, sy&apos;n ofynnol pan fo&apos;n wahanol i&apos;ch un chi).</translation>
    </message>
    <message>
        <source>Type the agreed grade, Enter; Right for the rationale.</source>
        <translation>Teipiwch y radd gytunedig, Enter; De ar gyfer y rhesymeg.</translation>
    </message>
    <message>
        <source>Type the agreed grade for each area after the panel&apos;s discussion (Enter, then Down for the next); Right for the rationale. A rationale is required when the agreed grade lies outside the members&apos; grades. ⚑ marks a spread of {SPREAD_FLAG_AT} or more.</source>
        <translation>Teipiwch y radd gytunedig ar gyfer pob maes ar ôl trafodaeth y panel (Enter, yna I Lawr ar gyfer yr un nesaf); De ar gyfer y rhesymeg. Mae angen rhesymeg pan fo&apos;r radd gytunedig y tu allan i raddau&apos;r aelodau. Mae ⚑ yn nodi gwasgariad o {SPREAD_FLAG_AT} neu fwy.</translation>
    </message>
    <message>
        <source>This profile derives agreed grades by the &apos;{method}&apos; method.</source>
        <translation>Mae&apos;r proffil hwn yn pennu graddau cytunedig drwy&apos;r dull &apos;{method}&apos;.</translation>
    </message>
</context>
<context>
    <name>HrBrowser</name>
    <message numerus="yes">
        <source>Imported equality data ({characteristics}) for {matched} of %Ln candidate(s), in {sessions} session(s).</source>
        <translation>
            <numerusform>Mewnforiwyd data cydraddoldeb ({characteristics}) ar gyfer {matched} o %Ln ymgeisydd, mewn {sessions} sesiwn.</numerusform>
            <numerusform>Mewnforiwyd data cydraddoldeb ({characteristics}) ar gyfer {matched} o %Ln ymgeisydd, mewn {sessions} sesiwn.</numerusform>
            <numerusform>Mewnforiwyd data cydraddoldeb ({characteristics}) ar gyfer {matched} o %Ln ymgeisydd, mewn {sessions} sesiwn.</numerusform>
            <numerusform>Mewnforiwyd data cydraddoldeb ({characteristics}) ar gyfer {matched} o %Ln ymgeisydd, mewn {sessions} sesiwn.</numerusform>
            <numerusform>Mewnforiwyd data cydraddoldeb ({characteristics}) ar gyfer {matched} o %Ln ymgeisydd, mewn {sessions} sesiwn.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln reference(s) match no session and were not kept.</source>
        <translation>
            <numerusform>Nid yw %Ln cyfeirnod yn cyfateb i unrhyw sesiwn ac ni chawsant eu cadw.</numerusform>
            <numerusform>Nid yw %Ln cyfeirnod yn cyfateb i unrhyw sesiwn ac ni chafodd ei gadw.</numerusform>
            <numerusform>Nid yw %Ln cyfeirnod yn cyfateb i unrhyw sesiwn ac ni chawsant eu cadw.</numerusform>
            <numerusform>Nid yw %Ln cyfeirnod yn cyfateb i unrhyw sesiwn ac ni chawsant eu cadw.</numerusform>
            <numerusform>Nid yw %Ln cyfeirnod yn cyfateb i unrhyw sesiwn ac ni chawsant eu cadw.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln reference(s) appear more than once (the last row was used).</source>
        <translation>
            <numerusform>Mae %Ln cyfeirnod yn ymddangos fwy nag unwaith (defnyddiwyd y rhes olaf).</numerusform>
            <numerusform>Mae %Ln cyfeirnod yn ymddangos fwy nag unwaith (defnyddiwyd y rhes olaf).</numerusform>
            <numerusform>Mae %Ln cyfeirnod yn ymddangos fwy nag unwaith (defnyddiwyd y rhes olaf).</numerusform>
            <numerusform>Mae %Ln cyfeirnod yn ymddangos fwy nag unwaith (defnyddiwyd y rhes olaf).</numerusform>
            <numerusform>Mae %Ln cyfeirnod yn ymddangos fwy nag unwaith (defnyddiwyd y rhes olaf).</numerusform>
        </translation>
    </message>
    <message>
        <source>Candidate, reference or panel member</source>
        <translation>Ymgeisydd, cyfeirnod neu aelod o&apos;r panel</translation>
    </message>
    <message>
        <source>Search text</source>
        <translation>Testun chwilio</translation>
    </message>
    <message>
        <source>Profile filter</source>
        <translation>Hidlydd proffil</translation>
    </message>
    <message>
        <source>Every profile</source>
        <translation>Pob proffil</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Hidlydd statws</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Unrhyw statws</translation>
    </message>
    <message>
        <source>Outcome filter</source>
        <translation>Hidlydd canlyniad</translation>
    </message>
    <message>
        <source>Interview language filter</source>
        <translation>Hidlydd iaith y cyfweliad</translation>
    </message>
    <message>
        <source>Any language</source>
        <translation>Unrhyw iaith</translation>
    </message>
    <message>
        <source>From</source>
        <translation>O</translation>
    </message>
    <message>
        <source>To</source>
        <translation>I</translation>
    </message>
    <message>
        <source>Campaign filter</source>
        <translation>Hidlydd ymgyrch</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>Grwpio yn ôl</translation>
    </message>
    <message>
        <source>Fin&amp;d:</source>
        <translation>Chwilio (&amp;D):</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiynau</translation>
    </message>
    <message>
        <source>Days or campaigns</source>
        <translation>Dyddiau neu ymgyrchoedd</translation>
    </message>
    <message>
        <source>Matching sessions</source>
        <translation>Sesiynau sy&apos;n cyfateb</translation>
    </message>
    <message>
        <source>Open (Enter)</source>
        <translation>Agor (Enter)</translation>
    </message>
    <message>
        <source>Repri&amp;nt sheets…</source>
        <translation>Ailargraffu tafle&amp;ni…</translation>
    </message>
    <message>
        <source>One &amp;combined PDF…</source>
        <translation>Un PDF &amp;cyfunol…</translation>
    </message>
    <message>
        <source>Export C&amp;SV…</source>
        <translation>Allforio C&amp;SV…</translation>
    </message>
    <message>
        <source>Set campai&amp;gn…</source>
        <translation>Gosod &amp;ymgyrch…</translation>
    </message>
    <message>
        <source>I&amp;mport session files…</source>
        <translation>&amp;Mewnforio ffeiliau sesiwn…</translation>
    </message>
    <message>
        <source>Import e&amp;quality data…</source>
        <translation>Mewnforio data cydraddoldeb (&amp;Q)…</translation>
    </message>
    <message>
        <source>Re&amp;open…</source>
        <translation>Aila&amp;gor…</translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation>Tynnu&apos;n ôl (&amp;W)…</translation>
    </message>
    <message>
        <source>P&amp;urge past retention…</source>
        <translation>Dileu wedi&apos;r cyfnod cadw (&amp;U)…</translation>
    </message>
    <message>
        <source>Reset a mem&amp;ber&apos;s PIN…</source>
        <translation>Ailosod PIN aelod (&amp;B)…</translation>
    </message>
    <message>
        <source>Add HR &amp;account…</source>
        <translation>Ychwanegu cyfrif AD (&amp;A)…</translation>
    </message>
    <message>
        <source>Send to force archi&amp;ve…</source>
        <translation>Anfon i archif yr heddlu (&amp;V)…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s)</source>
        <translation>
            <numerusform>%Ln sesiwn</numerusform>
            <numerusform>%Ln sesiwn</numerusform>
            <numerusform>%Ln sesiwn</numerusform>
            <numerusform>%Ln sesiwn</numerusform>
            <numerusform>%Ln sesiwn</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not search</source>
        <translation>Methu chwilio</translation>
    </message>
    <message>
        <source>Could not refresh the list</source>
        <translation>Methu adnewyddu&apos;r rhestr</translation>
    </message>
    <message>
        <source>Counting the sessions</source>
        <translation>Yn cyfrif y sesiynau</translation>
    </message>
    <message>
        <source>The list changed</source>
        <translation>Mae&apos;r rhestr wedi newid</translation>
    </message>
    <message>
        <source>The list changed since it was shown (another window or the interview tab saved sessions); it has been read again: check the selection and try again.</source>
        <translation>Mae&apos;r rhestr wedi newid ers iddi gael ei dangos (roedd ffenestr arall neu&apos;r tab Cyfweliad wedi cadw sesiynau); mae wedi&apos;i darllen eto: gwiriwch y dewis a rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>Dim wedi&apos;i ddewis</translation>
    </message>
    <message>
        <source>Select one or more sessions first.</source>
        <translation>Dewiswch un sesiwn neu fwy yn gyntaf.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopio</translation>
    </message>
    <message>
        <source>Folder for the sheets</source>
        <translation>Ffolder ar gyfer y taflenni</translation>
    </message>
    <message>
        <source>Writing marking sheets…</source>
        <translation>Yn ysgrifennu taflenni marcio…</translation>
    </message>
    <message>
        <source>Not written</source>
        <translation>Heb ei ysgrifennu</translation>
    </message>
    <message>
        <source>The sheets could not be written: {exc}</source>
        <translation>Methu ysgrifennu&apos;r taflenni: {exc}</translation>
    </message>
    <message>
        <source>Sheets written</source>
        <translation>Taflenni wedi&apos;u hysgrifennu</translation>
    </message>
    <message numerus="yes">
        <source>%Ln sheet(s) written to {folder}.</source>
        <translation>
            <numerusform>%Ln taflen wedi&apos;u hysgrifennu i {folder}.</numerusform>
            <numerusform>%Ln taflen wedi&apos;i hysgrifennu i {folder}.</numerusform>
            <numerusform>%Ln taflen wedi&apos;u hysgrifennu i {folder}.</numerusform>
            <numerusform>%Ln taflen wedi&apos;u hysgrifennu i {folder}.</numerusform>
            <numerusform>%Ln taflen wedi&apos;u hysgrifennu i {folder}.</numerusform>
        </translation>
    </message>
    <message>
        <source>One PDF of every selected sheet</source>
        <translation>Un PDF o bob taflen a ddewiswyd</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Combining marking sheets…</source>
        <translation>Yn cyfuno taflenni marcio…</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Wedi stopio</translation>
    </message>
    <message>
        <source>No PDF was written: it was stopped before every sheet was in it.</source>
        <translation>Ni ysgrifennwyd PDF: fe&apos;i stopiwyd cyn i bob taflen fod ynddo.</translation>
    </message>
    <message>
        <source>The PDF could not be written: {exc}</source>
        <translation>Methu ysgrifennu&apos;r PDF: {exc}</translation>
    </message>
    <message>
        <source>Still working</source>
        <translation>Yn dal i weithio</translation>
    </message>
    <message>
        <source>{title} is still running: wait or press Stop.</source>
        <translation>Mae {title} yn dal i redeg: arhoswch neu pwyswch Stopio.</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %Ln session(s) to CSV</source>
        <translation>
            <numerusform>Yn allforio %Ln sesiwn i CSV</numerusform>
            <numerusform>Yn allforio %Ln sesiwn i CSV</numerusform>
            <numerusform>Yn allforio %Ln sesiwn i CSV</numerusform>
            <numerusform>Yn allforio %Ln sesiwn i CSV</numerusform>
            <numerusform>Yn allforio %Ln sesiwn i CSV</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✓ Wrote %Ln session(s) to {path}.</source>
        <translation>
            <numerusform>✓ Ysgrifennwyd %Ln sesiwn i {path}.</numerusform>
            <numerusform>✓ Ysgrifennwyd %Ln sesiwn i {path}.</numerusform>
            <numerusform>✓ Ysgrifennwyd %Ln sesiwn i {path}.</numerusform>
            <numerusform>✓ Ysgrifennwyd %Ln sesiwn i {path}.</numerusform>
            <numerusform>✓ Ysgrifennwyd %Ln sesiwn i {path}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped: no file was written.</source>
        <translation>Wedi stopio: ni ysgrifennwyd unrhyw ffeil.</translation>
    </message>
    <message>
        <source>✗ Not exported.</source>
        <translation>✗ Heb ei allforio.</translation>
    </message>
    <message>
        <source>The file could not be written: {error}</source>
        <translation>Nid oedd modd ysgrifennu&apos;r ffeil: {error}</translation>
    </message>
    <message>
        <source>The export failed: {error}</source>
        <translation>Methodd yr allforio: {error}</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>Heb ei allforio</translation>
    </message>
    <message numerus="yes">
        <source>Moving %Ln session(s) to {name}</source>
        <translation>
            <numerusform>Yn symud %Ln sesiwn i {name}</numerusform>
            <numerusform>Yn symud %Ln sesiwn i {name}</numerusform>
            <numerusform>Yn symud %Ln sesiwn i {name}</numerusform>
            <numerusform>Yn symud %Ln sesiwn i {name}</numerusform>
            <numerusform>Yn symud %Ln sesiwn i {name}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✓ Moved {moved} of %Ln session(s) to campaign “{name}”.</source>
        <translation>
            <numerusform>✓ Symudwyd {moved} o %Ln sesiwn i’r ymgyrch “{name}”.</numerusform>
            <numerusform>✓ Symudwyd {moved} o %Ln sesiwn i’r ymgyrch “{name}”.</numerusform>
            <numerusform>✓ Symudwyd {moved} o %Ln sesiwn i’r ymgyrch “{name}”.</numerusform>
            <numerusform>✓ Symudwyd {moved} o %Ln sesiwn i’r ymgyrch “{name}”.</numerusform>
            <numerusform>✓ Symudwyd {moved} o %Ln sesiwn i’r ymgyrch “{name}”.</numerusform>
        </translation>
    </message>
    <message>
        <source>✗ Not moved.</source>
        <translation>✗ Heb eu symud.</translation>
    </message>
    <message>
        <source>Not moved</source>
        <translation>Heb eu symud</translation>
    </message>
    <message>
        <source>Import equality-monitoring data</source>
        <translation>Mewnforio data monitro cydraddoldeb</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Ffeiliau CSV (*.csv);;Pob ffeil (*)</translation>
    </message>
    <message>
        <source>Importing equality data</source>
        <translation>Yn mewnforio data cydraddoldeb</translation>
    </message>
    <message>
        <source>No session has these candidate references:</source>
        <translation>Nid oes gan unrhyw sesiwn y cyfeirnodau ymgeisydd hyn:</translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more.</source>
        <translation>
            <numerusform>… a %Ln arall.</numerusform>
            <numerusform>… a %Ln arall.</numerusform>
            <numerusform>… a %Ln arall.</numerusform>
            <numerusform>… a %Ln arall.</numerusform>
            <numerusform>… a %Ln arall.</numerusform>
        </translation>
    </message>
    <message>
        <source>Equality data imported</source>
        <translation>Data cydraddoldeb wedi&apos;i fewnforio</translation>
    </message>
    <message>
        <source>✗ Not imported.</source>
        <translation>✗ Heb ei fewnforio.</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Heb ei fewnforio</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Allforio CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Reset a PIN</source>
        <translation>Ailosod PIN</translation>
    </message>
    <message>
        <source>Whose PIN was forgotten?</source>
        <translation>PIN pwy a anghofiwyd?</translation>
    </message>
    <message>
        <source>PIN reset</source>
        <translation>PIN wedi&apos;i ailosod</translation>
    </message>
    <message>
        <source>{name} chooses a new PIN the next time it is asked for.</source>
        <translation>Bydd {name} yn dewis PIN newydd y tro nesaf y gofynnir amdano.</translation>
    </message>
    <message>
        <source>Account added</source>
        <translation>Cyfrif wedi&apos;i ychwanegu</translation>
    </message>
    <message>
        <source>{name} can now sign in ({role}).</source>
        <translation>Gall {name} fewngofnodi nawr ({role}).</translation>
    </message>
    <message>
        <source>… and {more} more.</source>
        <translation>… a {more} arall.</translation>
    </message>
    <message>
        <source> Not {verb}:
</source>
        <translation> Heb eu {verb}:
</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Heb ei wneud</translation>
    </message>
    <message>
        <source>Not all done</source>
        <translation>Heb wneud y cyfan</translation>
    </message>
    <message>
        <source>Reopen signed sessions</source>
        <translation>Ailagor sesiynau wedi&apos;u llofnodi</translation>
    </message>
    <message>
        <source>Why must {count} session(s) be reopened? The reason is audited; the next sign-off makes the next version of the sheet.</source>
        <translation>Pam mae&apos;n rhaid ailagor {count} sesiwn? Caiff y rheswm ei archwilio; bydd y llofnodi nesaf yn creu fersiwn nesaf y daflen.</translation>
    </message>
    <message>
        <source>Reopening…</source>
        <translation>Yn ailagor…</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Tynnu&apos;n ôl</translation>
    </message>
    <message>
        <source>Why are {count} candidate(s) withdrawn? The reason is audited.</source>
        <translation>Pam mae {count} ymgeisydd yn cael eu tynnu&apos;n ôl? Caiff y rheswm ei archwilio.</translation>
    </message>
    <message>
        <source>Withdrawing…</source>
        <translation>Yn tynnu&apos;n ôl…</translation>
    </message>
    <message>
        <source>Import session files</source>
        <translation>Mewnforio ffeiliau sesiwn</translation>
    </message>
    <message>
        <source>Session files (*.json);;All files (*)</source>
        <translation>Ffeiliau sesiwn (*.json);;Pob ffeil (*)</translation>
    </message>
    <message>
        <source>
… and {value} more.</source>
        <translation>
… a {value} arall.</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Wedi&apos;u mewnforio</translation>
    </message>
    <message>
        <source>Not all imported</source>
        <translation>Heb fewnforio&apos;r cyfan</translation>
    </message>
    <message>
        <source>{done} of {count} file(s) imported or already here.
{lines}</source>
        <translation>{done} o {count} ffeil wedi&apos;u mewnforio neu yma eisoes.
{lines}</translation>
    </message>
    <message>
        <source>Purge</source>
        <translation>Dileu</translation>
    </message>
    <message>
        <source>No session is past its retention period.</source>
        <translation>Nid oes sesiwn wedi mynd heibio i&apos;w chyfnod cadw.</translation>
    </message>
    <message>
        <source>Purge past retention</source>
        <translation>Dileu wedi&apos;r cyfnod cadw</translation>
    </message>
    <message>
        <source>Delete {count} closed session(s) past their retention period for good? Nothing of them is kept: not in the database, not in its backups (backups holding them are removed and a new one is taken). Each deletion is audited.</source>
        <translation>Dileu {count} sesiwn gaeedig sydd wedi mynd heibio i&apos;w cyfnod cadw am byth? Ni chedwir dim ohonynt: nid yn y gronfa ddata, nid yn ei chopïau wrth gefn (caiff copïau sy&apos;n eu dal eu dileu a chymerir un newydd). Caiff pob dilead ei archwilio.</translation>
    </message>
    <message>
        <source>Purged</source>
        <translation>Wedi&apos;u dileu</translation>
    </message>
    <message>
        <source>Send to force archive</source>
        <translation>Anfon i archif yr heddlu</translation>
    </message>
    <message>
        <source>The force archive: postgresql://LOGIN@HOST/DATABASE
(no password here: it is asked for, or read from ~/.pgpass)</source>
        <translation>Archif yr heddlu: postgresql://MEWNGOFNOD@GWESTEIWR/CRONFA_DDATA
(dim cyfrinair yma: gofynnir amdano, neu caiff ei ddarllen o ~/.pgpass)</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Heb ei anfon</translation>
    </message>
    <message>
        <source>Sending signed sessions to the force archive…</source>
        <translation>Yn anfon sesiynau wedi&apos;u llofnodi i archif yr heddlu…</translation>
    </message>
    <message>
        <source>Sent {done} of {total} session(s): {ref}</source>
        <translation>Anfonwyd {done} o {total} sesiwn: {ref}</translation>
    </message>
    <message>
        <source>Not all sent</source>
        <translation>Heb anfon y cyfan</translation>
    </message>
    <message>
        <source>
… and {more} more.</source>
        <translation>
… a {more} arall.</translation>
    </message>
    <message>
        <source>Force archive</source>
        <translation>Archif yr heddlu</translation>
    </message>
</context>
<context>
    <name>IndicatorsModel</name>
    <message>
        <source>Evidence</source>
        <translation>Tystiolaeth</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Dangosydd</translation>
    </message>
    <message>
        <source>Evidence note</source>
        <translation>Nodyn tystiolaeth</translation>
    </message>
</context>
<context>
    <name>InterviewController</name>
    <message>
        <source>to score as yourself</source>
        <translation>i sgorio fel chi eich hun</translation>
    </message>
    <message>
        <source>a classification, grade or agreed grade</source>
        <translation>dosbarthiad, gradd neu radd gytunedig</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Heb ei gadw</translation>
    </message>
    <message>
        <source>A change kept while the database was busy: {message}</source>
        <translation>Newid a gadwyd tra oedd y gronfa ddata&apos;n brysur: {message}</translation>
    </message>
    <message>
        <source>evidence for indicator {number} of {name}</source>
        <translation>tystiolaeth ar gyfer dangosydd {number} o {name}</translation>
    </message>
    <message>
        <source>grade for {name}</source>
        <translation>gradd ar gyfer {name}</translation>
    </message>
    <message>
        <source>agreed grade for {name}</source>
        <translation>gradd gytunedig ar gyfer {name}</translation>
    </message>
    <message>
        <source>rationale for {name}</source>
        <translation>rhesymeg ar gyfer {name}</translation>
    </message>
    <message>
        <source>to sign as yourself</source>
        <translation>i lofnodi fel chi eich hun</translation>
    </message>
    <message>
        <source>Clear signatures</source>
        <translation>Clirio llofnodion</translation>
    </message>
    <message>
        <source>Why must the signatures be cleared? Everyone will have to sign again.</source>
        <translation>Pam mae&apos;n rhaid clirio&apos;r llofnodion? Bydd yn rhaid i bawb lofnodi eto.</translation>
    </message>
    <message>
        <source>Withdraw the candidate</source>
        <translation>Tynnu&apos;r ymgeisydd yn ôl</translation>
    </message>
    <message>
        <source>Why is {candidate_name} ({candidate_ref}) withdrawn? For example: did not attend, or left during the interview. The session locks.</source>
        <translation>Pam mae {candidate_name} ({candidate_ref}) yn cael ei dynnu&apos;n ôl? Er enghraifft: heb fod yn bresennol, neu wedi gadael yn ystod y cyfweliad. Mae&apos;r sesiwn yn cloi.</translation>
    </message>
</context>
<context>
    <name>InterviewView</name>
    <message>
        <source>Session</source>
        <translation>Sesiwn</translation>
    </message>
    <message>
        <source>Scoring as</source>
        <translation>Yn sgorio fel</translation>
    </message>
    <message>
        <source>Viewing &amp;as:</source>
        <translation>Yn edrych fel (&amp;A):</translation>
    </message>
    <message>
        <source>Scoring &amp;as:</source>
        <translation>Yn sgorio fel (&amp;A):</translation>
    </message>
    <message>
        <source>Session state</source>
        <translation>Cyflwr y sesiwn</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Maes</translation>
    </message>
    <message>
        <source>Areas, consensus and sign-off</source>
        <translation>Meysydd, consensws a llofnodi</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Cynnydd</translation>
    </message>
    <message>
        <source>F1 lists the keyboard shortcuts</source>
        <translation>Mae F1 yn rhestru&apos;r llwybrau byr bysellfwrdd</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Y cam nesaf</translation>
    </message>
    <message>
        <source>Candidate &lt;b&gt;{value}&lt;/b&gt; </source>
        <translation>Ymgeisydd &lt;b&gt;{value}&lt;/b&gt; </translation>
    </message>
    <message>
        <source>&lt;b&gt;{value}&lt;/b&gt; · {value2} · {candidate} · {date}</source>
        <translation>&lt;b&gt;{value}&lt;/b&gt; · {value2} · {candidate} · {date}</translation>
    </message>
    <message>
        <source>PCSO interview — {candidate_ref} — scoring as {name}</source>
        <translation>Cyfweliad SCCH — {candidate_ref} — yn sgorio fel {name}</translation>
    </message>
    <message>
        <source>⚠ This record failed verification: it no longer matches what the panel signed ({value}). Read-only; tell HR.</source>
        <translation>⚠ Methodd y cofnod hwn y dilysu: nid yw bellach yn cyfateb i&apos;r hyn a lofnododd y panel (canfyddiad y gwiriad, yn Saesneg: {value}). Darllen yn unig; rhowch wybod i AD.</translation>
    </message>
    <message>
        <source>Signed off and locked (version {version}). Read-only.</source>
        <translation>Wedi&apos;i llofnodi a&apos;i chloi (fersiwn {version}). Darllen yn unig.</translation>
    </message>
    <message>
        <source>Withdrawn and locked: {withdrawn_reason} Read-only.</source>
        <translation>Wedi&apos;i thynnu&apos;n ôl a&apos;i chloi: {withdrawn_reason} Darllen yn unig.</translation>
    </message>
    <message>
        <source>Scoring as {name} needs {name}&apos;s PIN: press Ctrl+M to choose who is scoring. Nothing can be marked until then.</source>
        <translation>Mae sgorio fel {name} yn gofyn am PIN {name}: pwyswch Ctrl+M i ddewis pwy sy&apos;n sgorio. Ni ellir marcio dim tan hynny.</translation>
    </message>
    <message>
        <source>Sign-off has begun: marks are frozen until everyone has signed.</source>
        <translation>Mae&apos;r llofnodi wedi dechrau: mae&apos;r marciau wedi&apos;u rhewi nes bod pawb wedi llofnodi.</translation>
    </message>
    <message>
        <source>Read-only view ({label}).</source>
        <translation>Golwg darllen yn unig ({label}).</translation>
    </message>
    <message>
        <source>Progress: </source>
        <translation>Cynnydd: </translation>
    </message>
    <message>
        <source>Next: {value}   ·   F1 lists the keyboard shortcuts</source>
        <translation>Nesaf: {value}   ·   Mae F1 yn rhestru&apos;r llwybrau byr</translation>
    </message>
    <message>
        <source>to score as yourself</source>
        <translation>i sgorio fel chi eich hun</translation>
    </message>
</context>
<context>
    <name>JobBar</name>
    <message>
        <source>Progress of the work</source>
        <translation>Cynnydd y gwaith</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Cynnydd</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>Stopio (&amp;T)</translation>
    </message>
    <message>
        <source>Stop the work</source>
        <translation>Stopio&apos;r gwaith</translation>
    </message>
    <message>
        <source>{title}…</source>
        <translation>{title}…</translation>
    </message>
    <message>
        <source>{title}: {step} ({done} of {total})</source>
        <translation>{title}: {step} ({done} o {total})</translation>
    </message>
    <message>
        <source>{title}: {step}</source>
        <translation>{title}: {step}</translation>
    </message>
    <message>
        <source>{title}: stopping…</source>
        <translation>{title}: yn stopio…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>PCSO interview — {name}</source>
        <translation>Cyfweliad SCCH — {name}</translation>
    </message>
    <message>
        <source>Modes</source>
        <translation>Moddau</translation>
    </message>
    <message>
        <source>Session &amp;list</source>
        <translation>Rhestr sesiynau (&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Interview</source>
        <translation>Cyfweliad (&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Profiles</source>
        <translation>&amp;Proffiliau</translation>
    </message>
    <message>
        <source>HR &amp;review</source>
        <translation>Adolygiad AD (&amp;R)</translation>
    </message>
    <message>
        <source>S&amp;tatistics</source>
        <translation>Ys&amp;tadegau</translation>
    </message>
    <message>
        <source>Read-only window</source>
        <translation>Ffenestr darllen yn unig</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>Cronfa ddata: {path}</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Cronfa ddata</translation>
    </message>
    <message>
        <source>this window is read-only</source>
        <translation>mae&apos;r ffenestr hon yn ddarllen yn unig</translation>
    </message>
    <message>
        <source>{language} in this window until it closes; the choice could not be remembered ({why}).</source>
        <translation>{language} yn y ffenestr hon nes iddi gau; nid oedd modd cofio&apos;r dewis ({why}).</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Ffeil</translation>
    </message>
    <message>
        <source>&amp;New session…</source>
        <translation>Sesiwn &amp;newydd…</translation>
    </message>
    <message>
        <source>&amp;List of sessions</source>
        <translation>Rhestr o sesiynau (&amp;L)</translation>
    </message>
    <message>
        <source>Marking &amp;sheet… (preview, save, print)</source>
        <translation>Taflen farcio (&amp;S)… (rhagolwg, cadw, argraffu)</translation>
    </message>
    <message>
        <source>&amp;Withdraw candidate…</source>
        <translation>Tynnu ymgeisydd yn ôl (&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Gadael (&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Golygu (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>Dado&amp;wneud</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Ailwneud (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Move to the next indicator after classifying</source>
        <translation>Sy&amp;mud i&apos;r dangosydd nesaf ar ôl dosbarthu</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Iaith</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Cymorth (&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Llwybrau byr bysellfwrdd (&amp;K)</translation>
    </message>
    <message>
        <source>… and {count} more: Show Details lists every one.</source>
        <translation>… a {count} arall: mae Dangos y manylion yn rhestru pob un.</translation>
    </message>
    <message>
        <source>Some force files were skipped</source>
        <translation>Hepgorwyd rhai ffeiliau heddlu</translation>
    </message>
    <message>
        <source>These force files have problems and were not loaded; the others were:

{text}</source>
        <translation>Mae problemau gyda&apos;r ffeiliau heddlu hyn ac ni chawsant eu llwytho; llwythwyd y lleill:

{text}</translation>
    </message>
    <message>
        <source>to score and sign as yourself</source>
        <translation>i sgorio ac i lofnodi fel chi eich hun</translation>
    </message>
    <message>
        <source>Open a session first.</source>
        <translation>Agorwch sesiwn yn gyntaf.</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Ddim eto</translation>
    </message>
    <message>
        <source>The marking sheet shows every member&apos;s marks and grades: it opens for {name} once they have graded every area.</source>
        <translation>Mae&apos;r daflen farcio&apos;n dangos marciau a graddau pob aelod: mae&apos;n agor i {name} unwaith y bydd wedi graddio pob maes.</translation>
    </message>
    <message>
        <source>{count} note(s) could not be saved: the database refused them.

{shown}</source>
        <translation>Methu cadw {count} nodyn: gwrthododd y gronfa ddata nhw.

{shown}</translation>
    </message>
    <message>
        <source>{count} change(s) are still waiting for the database, which another program is using.

{listed}</source>
        <translation>Mae {count} newid yn dal i aros am y gronfa ddata, y mae rhaglen arall yn ei defnyddio.

{listed}</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Heb eu cadw eto</translation>
    </message>
    <message>
        <source>

Close anyway? They will be lost. Choose No to stay, copy them, or wait until the database is free.</source>
        <translation>

Cau beth bynnag? Byddant yn cael eu colli. Dewiswch Na i aros, eu copïo, neu aros nes bod y gronfa ddata&apos;n rhydd.</translation>
    </message>
</context>
<context>
    <name>NameOnlyIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>Ffolder</translation>
    </message>
    <message>
        <source>{suffix} file</source>
        <translation>Ffeil {suffix}</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Ffeil</translation>
    </message>
</context>
<context>
    <name>NewSessionDialog</name>
    <message>
        <source>New interview session</source>
        <translation>Sesiwn gyfweld newydd</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Proffil</translation>
    </message>
    <message>
        <source>Areas graded at interview</source>
        <translation>Meysydd a raddir yn y cyfweliad</translation>
    </message>
    <message>
        <source>Candidate name</source>
        <translation>Enw&apos;r ymgeisydd</translation>
    </message>
    <message>
        <source>Candidate reference</source>
        <translation>Cyfeirnod yr ymgeisydd</translation>
    </message>
    <message>
        <source>e.g. C-0412</source>
        <translation>e.e. C-0412</translation>
    </message>
    <message>
        <source>Interview date</source>
        <translation>Dyddiad y cyfweliad</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Lleoliad</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Ymgyrch</translation>
    </message>
    <message>
        <source>The recruitment round this interview belongs to; HR can move it later.</source>
        <translation>Y cylch recriwtio y mae&apos;r cyfweliad hwn yn perthyn iddo; gall AD ei symud wedyn.</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>&amp;Proffil</translation>
    </message>
    <message>
        <source>Candidate &amp;name</source>
        <translation>E&amp;nw&apos;r ymgeisydd</translation>
    </message>
    <message>
        <source>Candidate &amp;reference</source>
        <translation>Cyfei&amp;rnod yr ymgeisydd</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Dyddiad</translation>
    </message>
    <message>
        <source>&amp;Venue</source>
        <translation>Lleoliad (&amp;V)</translation>
    </message>
    <message>
        <source>Language of the interview</source>
        <translation>Iaith y cyfweliad</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Saesneg</translation>
    </message>
    <message>
        <source>Welsh</source>
        <translation>Cymraeg</translation>
    </message>
    <message>
        <source>Interview lan&amp;guage</source>
        <translation>&amp;Iaith y cyfweliad</translation>
    </message>
    <message>
        <source>Ca&amp;mpaign</source>
        <translation>&amp;Ymgyrch</translation>
    </message>
    <message>
        <source>Panel (1 to 5 members, exactly one chair)</source>
        <translation>Panel (1 i 5 aelod, union un cadeirydd)</translation>
    </message>
    <message>
        <source>Recent panels</source>
        <translation>Paneli diweddar</translation>
    </message>
    <message>
        <source>Recent panels…</source>
        <translation>Paneli diweddar…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>Staff or collar number</source>
        <translation>Rhif staff neu rif coler</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Cadeirydd</translation>
    </message>
    <message>
        <source>Panel member {value} name</source>
        <translation>Enw aelod {value} o&apos;r panel</translation>
    </message>
    <message>
        <source>Panel member {value} staff or collar number</source>
        <translation>Rhif staff neu rif coler aelod {value} o&apos;r panel</translation>
    </message>
    <message>
        <source>Panel member {value} is the chair</source>
        <translation>Aelod {value} o&apos;r panel yw&apos;r cadeirydd</translation>
    </message>
    <message>
        <source>Questions asked per area</source>
        <translation>Cwestiynau a ofynnir ym mhob maes</translation>
    </message>
    <message>
        <source>&amp;Questions (optional; can be changed later)</source>
        <translation>Cwestiynau (dewisol; gellir eu newid wedyn) (&amp;Q)</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Start &amp;scoring</source>
        <translation>Dechrau &amp;sgorio</translation>
    </message>
    <message>
        <source>Graded at interview: {names}</source>
        <translation>Graddir yn y cyfweliad: {names}</translation>
    </message>
    <message>
        <source>{name} (question {number})</source>
        <translation>{name} (cwestiwn {number})</translation>
    </message>
    <message>
        <source>Enter the candidate&apos;s name.</source>
        <translation>Rhowch enw&apos;r ymgeisydd.</translation>
    </message>
    <message>
        <source>Enter the candidate reference.</source>
        <translation>Rhowch gyfeirnod yr ymgeisydd.</translation>
    </message>
    <message>
        <source>The member marked as chair needs a name.</source>
        <translation>Mae angen enw ar yr aelod a nodwyd yn gadeirydd.</translation>
    </message>
    <message>
        <source>Discard this set-up?</source>
        <translation>Taflu&apos;r sesiwn newydd hon?</translation>
    </message>
    <message>
        <source>What you typed for this session (the candidate, the panel and the questions) will be lost.</source>
        <translation>Bydd yr hyn a deipiwyd gennych ar gyfer y sesiwn hon (yr ymgeisydd, y panel a&apos;r cwestiynau) yn cael ei golli.</translation>
    </message>
</context>
<context>
    <name>OptionalDate</name>
    <message>
        <source>{label} date</source>
        <translation>Dyddiad: {label}</translation>
    </message>
</context>
<context>
    <name>PagedSessionsModel</name>
    <message>
        <source>Session {id} · version {version}</source>
        <translation>Sesiwn {id} · fersiwn {version}</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>{name}, choose your PIN for this interview: 4 to 8 digits (or a passphrase of 10 characters or more). You will type it to score and to sign as yourself.</source>
        <translation>{name}, dewiswch eich PIN ar gyfer y cyfweliad hwn: 4 i 8 digid (neu gyfrinymadrodd o 10 nod neu fwy). Byddwch yn ei deipio i sgorio ac i lofnodi fel chi eich hun.</translation>
    </message>
    <message>
        <source>{name}, type your PIN {why}.</source>
        <translation>{name}, teipiwch eich PIN {why}.</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>PIN eto</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>&amp;PIN:</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>Et&amp;o:</translation>
    </message>
    <message>
        <source>PIN problem</source>
        <translation>Problem PIN</translation>
    </message>
    <message>
        <source>The two PINs differ: type the same one twice.</source>
        <translation>Mae&apos;r ddau PIN yn wahanol: teipiwch yr un un ddwywaith.</translation>
    </message>
</context>
<context>
    <name>ProfileBrowser</name>
    <message>
        <source>Profiles</source>
        <translation>Proffiliau</translation>
    </message>
    <message>
        <source>Profile summary</source>
        <translation>Crynodeb o&apos;r proffil</translation>
    </message>
    <message>
        <source>Areas and indicators</source>
        <translation>Meysydd a dangosyddion</translation>
    </message>
    <message>
        <source>The role&apos;s criteria</source>
        <translation>Meini prawf y rôl</translation>
    </message>
    <message>
        <source>Profile details</source>
        <translation>Manylion y proffil</translation>
    </message>
    <message>
        <source>Areas and in&amp;dicators</source>
        <translation>Meysydd a &amp;dangosyddion</translation>
    </message>
    <message>
        <source>Role &amp;criteria</source>
        <translation>Meini prawf y rôl (&amp;C)</translation>
    </message>
    <message>
        <source> (min {value})</source>
        <translation> (isaf {value})</translation>
    </message>
    <message>
        <source>&lt;b&gt;{value}&lt;/b&gt; · {value2} · {value3} · {value4}, {value5}</source>
        <translation>&lt;b&gt;{value}&lt;/b&gt; · {value2} · {value3} · {value4}, {value5}</translation>
    </message>
    <message>
        <source> · vetting: {value}</source>
        <translation> · fetio: {value}</translation>
    </message>
    <message>
        <source>&lt;br&gt;Source: {value}&lt;br&gt;Scale: {value2} · agreed grades: {method} · pass mark {value3} · {value4} · kept {retention_months} months&lt;br&gt;At interview: {value5}</source>
        <translation>&lt;br&gt;Ffynhonnell: {value}&lt;br&gt;Graddfa: {value2} · graddau cytunedig: {method} · marc llwyddo {value3} · {value4} · cedwir am {retention_months} mis&lt;br&gt;Yn y cyfweliad: {value5}</translation>
    </message>
</context>
<context>
    <name>QuestionsModel</name>
    <message>
        <source>Area</source>
        <translation>Maes</translation>
    </message>
    <message>
        <source>Question asked</source>
        <translation>Cwestiwn a ofynnwyd</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Reason</source>
        <translation>Rheswm</translation>
    </message>
</context>
<context>
    <name>SaveState</name>
    <message>
        <source>Save state</source>
        <translation>Cyflwr cadw</translation>
    </message>
    <message>
        <source>✓ Saved {moment}</source>
        <translation>✓ Cadwyd {moment}</translation>
    </message>
    <message>
        <source>Saved at {moment}</source>
        <translation>Cadwyd am {moment}</translation>
    </message>
    <message>
        <source>… Saving</source>
        <translation>… Yn cadw</translation>
    </message>
    <message>
        <source>⏳ Waiting: the database is in use by another program. {count} change(s) kept on screen, saved as soon as it is free</source>
        <translation>⏳ Yn aros: mae rhaglen arall yn defnyddio&apos;r gronfa ddata. Cedwir {count} newid ar y sgrin, a&apos;u cadw cyn gynted ag y bydd yn rhydd</translation>
    </message>
    <message numerus="yes">
        <source>Waiting to save %Ln change(s)</source>
        <translation>
            <numerusform>Yn aros i gadw %Ln newid</numerusform>
            <numerusform>Yn aros i gadw %Ln newid</numerusform>
            <numerusform>Yn aros i gadw %Ln newid</numerusform>
            <numerusform>Yn aros i gadw %Ln newid</numerusform>
            <numerusform>Yn aros i gadw %Ln newid</numerusform>
        </translation>
    </message>
    <message>
        <source>✗ Not saved: {message}</source>
        <translation>✗ Heb ei gadw: {message}</translation>
    </message>
    <message>
        <source>Not saved: {message}</source>
        <translation>Heb ei gadw: {message}</translation>
    </message>
</context>
<context>
    <name>SessionList</name>
    <message>
        <source>Sessions, today&apos;s first</source>
        <translation>Sesiynau, heddiw yn gyntaf</translation>
    </message>
    <message>
        <source>&amp;New session… (Ctrl+N)</source>
        <translation>Sesiwn &amp;newydd… (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Open selected (Enter)</source>
        <translation>Agor y dewis (&amp;O) (Enter)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s) today</source>
        <translation>
            <numerusform>%Ln sesiwn heddiw</numerusform>
            <numerusform>%Ln sesiwn heddiw</numerusform>
            <numerusform>%Ln sesiwn heddiw</numerusform>
            <numerusform>%Ln sesiwn heddiw</numerusform>
            <numerusform>%Ln sesiwn heddiw</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionReviewDialog</name>
    <message>
        <source>Session {title} (read-only)</source>
        <translation>Sesiwn {title} (darllen yn unig)</translation>
    </message>
    <message>
        <source> · interview held in Welsh</source>
        <translation> · cyfweliad yn Gymraeg</translation>
    </message>
    <message>
        <source>The session, its audit trail and sheets</source>
        <translation>Y sesiwn, ei thrywydd archwilio a&apos;i thaflenni</translation>
    </message>
    <message>
        <source>As the &amp;panel saw it</source>
        <translation>Fel y gwelodd y &amp;panel hi</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Trywydd archwilio</translation>
    </message>
    <message>
        <source>A&amp;udit trail ({count})</source>
        <translation>&amp;Trywydd archwilio ({count})</translation>
    </message>
    <message>
        <source>Signed sheets</source>
        <translation>Taflenni wedi&apos;u llofnodi</translation>
    </message>
    <message>
        <source>Signed &amp;sheets</source>
        <translation>Taflenni wedi&apos;u llofnodi (&amp;S)</translation>
    </message>
</context>
<context>
    <name>SheetPreview</name>
    <message>
        <source>Marking sheet — {candidate_ref}</source>
        <translation>Taflen farcio — {candidate_ref}</translation>
    </message>
    <message>
        <source>Marking sheet preview</source>
        <translation>Rhagolwg o&apos;r daflen farcio</translation>
    </message>
    <message numerus="yes">
        <source>%Ln page(s) · {state} · sheet version {version}</source>
        <translation>
            <numerusform>%Ln tudalen · {state} · fersiwn y daflen {version}</numerusform>
            <numerusform>%Ln tudalen · {state} · fersiwn y daflen {version}</numerusform>
            <numerusform>%Ln tudalen · {state} · fersiwn y daflen {version}</numerusform>
            <numerusform>%Ln tudalen · {state} · fersiwn y daflen {version}</numerusform>
            <numerusform>%Ln tudalen · {state} · fersiwn y daflen {version}</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>Cadw fel PDF (&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Argra&amp;ffu…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cau</translation>
    </message>
    <message>
        <source>saved from preview</source>
        <translation>wedi&apos;i chadw o&apos;r rhagolwg</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Heb ei gadw</translation>
    </message>
    <message>
        <source>The sheet could not be saved to {path}: {value}</source>
        <translation>Methu cadw&apos;r daflen i {path}: {value}</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Wedi&apos;i chadw i {path}</translation>
    </message>
    <message>
        <source>Save the marking sheet</source>
        <translation>Cadw&apos;r daflen farcio</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Ffeiliau PDF (*.pdf)</translation>
    </message>
    <message>
        <source>the printer could not be started</source>
        <translation>methu cychwyn yr argraffydd</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>Heb ei hargraffu</translation>
    </message>
    <message>
        <source>Printed, not registered</source>
        <translation>Wedi&apos;i hargraffu, heb ei chofrestru</translation>
    </message>
    <message>
        <source>Sent to the printer</source>
        <translation>Wedi&apos;i hanfon i&apos;r argraffydd</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Llwybrau byr bysellfwrdd</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <source>HR account name</source>
        <translation>Enw&apos;r cyfrif AD</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Cyfrinymadrodd</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Cyfrinymadrodd eto</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Problem mewngofnodi</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>E&amp;nw:</translation>
    </message>
    <message>
        <source>P&amp;assphrase:</source>
        <translation>Cyfrinym&amp;adrodd:</translation>
    </message>
    <message>
        <source>A&amp;gain:</source>
        <translation>Et&amp;o:</translation>
    </message>
    <message>
        <source>&lt;b&gt;No HR account yet.&lt;/b&gt; Create the first one: it is an admin, who adds the other HR accounts and resets forgotten passphrases and PINs.</source>
        <translation>&lt;b&gt;Dim cyfrif AD eto.&lt;/b&gt; Crëwch y cyntaf: gweinyddwr yw hwn, sy&apos;n ychwanegu&apos;r cyfrifon AD eraill ac yn ailosod cyfrinymadroddion a rhifau PIN a anghofiwyd.</translation>
    </message>
    <message>
        <source>&lt;b&gt;HR sign-in.&lt;/b&gt; HR review and statistics need your HR account.</source>
        <translation>&lt;b&gt;Mewngofnodi AD.&lt;/b&gt; Mae angen eich cyfrif AD ar gyfer adolygiad AD ac ystadegau.</translation>
    </message>
    <message>
        <source> You were signed out after 10 idle minutes.</source>
        <translation> Cawsoch eich allgofnodi ar ôl 10 munud segur.</translation>
    </message>
    <message>
        <source>&amp;Create the account</source>
        <translation>&amp;Creu&apos;r cyfrif</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>Mewngofnodi (&amp;S)</translation>
    </message>
    <message>
        <source>The two passphrases differ: type the same one twice.</source>
        <translation>Mae&apos;r ddau gyfrinymadrodd yn wahanol: teipiwch yr un un ddwywaith.</translation>
    </message>
</context>
<context>
    <name>SignOffPage</name>
    <message>
        <source>&lt;h2 style=&apos;margin:0&apos;&gt;Sign-off&lt;/h2&gt;</source>
        <translation>&lt;h2 style=&apos;margin:0&apos;&gt;Llofnodi&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Sign-off state</source>
        <translation>Cyflwr y llofnodi</translation>
    </message>
    <message>
        <source>Panel sign-off</source>
        <translation>Llofnodi gan y panel</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Canlyniad</translation>
    </message>
    <message>
        <source>&lt;b&gt;Declaration.&lt;/b&gt; {text}</source>
        <translation>&lt;b&gt;Datganiad.&lt;/b&gt; {text}</translation>
    </message>
    <message>
        <source>Declaration</source>
        <translation>Datganiad</translation>
    </message>
    <message>
        <source>Member signing</source>
        <translation>Aelod yn llofnodi</translation>
    </message>
    <message>
        <source>I have read the declaration and &amp;confirm it</source>
        <translation>Rwyf wedi darllen y datganiad ac yn ei gadarnhau (&amp;C)</translation>
    </message>
    <message>
        <source>Type your name to sign</source>
        <translation>Teipiwch eich enw i lofnodi</translation>
    </message>
    <message>
        <source>Type your full name, or draw below</source>
        <translation>Teipiwch eich enw llawn, neu lluniwch isod</translation>
    </message>
    <message>
        <source>Clear &amp;drawing</source>
        <translation>Clirio&apos;r llun (&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation>Llofnodi (&amp;S)</translation>
    </message>
    <message>
        <source>Clear all signat&amp;ures…</source>
        <translation>Clirio pob llofnod (&amp;U)…</translation>
    </message>
    <message>
        <source>Sign-off problem</source>
        <translation>Problem llofnodi</translation>
    </message>
    <message>
        <source>Si&amp;gning as</source>
        <translation>Yn llofnodi fel (&amp;G)</translation>
    </message>
    <message>
        <source>T&amp;yped name</source>
        <translation>Enw wedi&apos;i deipio (&amp;Y)</translation>
    </message>
    <message>
        <source>or dra&amp;w</source>
        <translation>neu luniwch (&amp;W)</translation>
    </message>
    <message>
        <source>✓ {value} UTC ({method})</source>
        <translation>✓ {value} UTC ({method})</translation>
    </message>
    <message>
        <source>not signed</source>
        <translation>heb lofnodi</translation>
    </message>
    <message>
        <source>&lt;b&gt;⚠ Record failed verification.&lt;/b&gt; It no longer matches what the panel signed: {value}.</source>
        <translation>&lt;b&gt;⚠ Methodd y cofnod y dilysu.&lt;/b&gt; Nid yw bellach yn cyfateb i&apos;r hyn a lofnododd y panel (canfyddiad y gwiriad, yn Saesneg): {value}.</translation>
    </message>
    <message>
        <source>✓ Signed off and locked (version {version}). Nothing can change.</source>
        <translation>✓ Wedi&apos;i llofnodi a&apos;i chloi (fersiwn {version}). Ni all dim newid.</translation>
    </message>
    <message>
        <source>Withdrawn: {withdrawn_reason}. Nothing can change.</source>
        <translation>Wedi&apos;i thynnu&apos;n ôl: {withdrawn_reason}. Ni all dim newid.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not ready to sign yet.&lt;/b&gt; Still missing:&lt;br&gt;</source>
        <translation>&lt;b&gt;Ddim yn barod i lofnodi eto.&lt;/b&gt; Yn dal ar goll:&lt;br&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;Agreed grades and rationales are typed in Consensus (Ctrl+K).</source>
        <translation>&lt;br&gt;Caiff graddau cytunedig a rhesymeg eu teipio yn Consensws (Ctrl+K).</translation>
    </message>
    <message>
        <source>Ready. Still to sign: {names}. The session locks when the last one signs.</source>
        <translation>Yn barod. I lofnodi o hyd: {names}. Mae&apos;r sesiwn yn cloi pan fydd yr olaf yn llofnodi.</translation>
    </message>
    <message>
        <source>Tick the declaration first (Space on the tick box, or Alt+C).</source>
        <translation>Ticiwch y datganiad yn gyntaf (Bylchwr ar y blwch ticio, neu Alt+C).</translation>
    </message>
    <message>
        <source>Type your name (Alt+Y) or draw your signature, then Enter.</source>
        <translation>Teipiwch eich enw (Alt+Y) neu lluniwch eich llofnod, yna Enter.</translation>
    </message>
    <message>
        <source>Not signed: {missing}</source>
        <translation>Heb lofnodi: {missing}</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Signature pad: draw your signature</source>
        <translation>Pad llofnod: lluniwch eich llofnod</translation>
    </message>
</context>
<context>
    <name>StatisticsView</name>
    <message>
        <source>Profile</source>
        <translation>Proffil</translation>
    </message>
    <message>
        <source>From</source>
        <translation>O</translation>
    </message>
    <message>
        <source>To</source>
        <translation>I</translation>
    </message>
    <message>
        <source>Key to the area numbers</source>
        <translation>Allwedd i rifau&apos;r meysydd</translation>
    </message>
    <message>
        <source>Summary figures</source>
        <translation>Ffigurau cryno</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Siartiau</translation>
    </message>
    <message>
        <source>&amp;Assessors</source>
        <translation>&amp;Aseswyr</translation>
    </message>
    <message>
        <source>E&amp;xport chart as PNG…</source>
        <translation>Allforio siart fel PNG (&amp;X)…</translation>
    </message>
    <message>
        <source>Export figures as CS&amp;V…</source>
        <translation>Allforio ffigurau fel CS&amp;V…</translation>
    </message>
    <message>
        <source>Could not read the sessions: the figures are not shown.</source>
        <translation>Methu darllen y sesiynau: ni ddangosir y ffigurau.</translation>
    </message>
    <message>
        <source>Mean agreed grade</source>
        <translation>Gradd gytunedig gymedrig</translation>
    </message>
    <message>
        <source>No bar for {names}: no alpha (one grade value only, or no two members grading)</source>
        <translation>Dim bar i {names}: dim alffa (un gwerth gradd yn unig, neu ddim dau aelod yn graddio)</translation>
    </message>
    <message>
        <source>Candidates below the minimum, per area (%)</source>
        <translation>Ymgeiswyr o dan yr isafswm, fesul maes (%)</translation>
    </message>
    <message>
        <source>Failing (%)</source>
        <translation>Yn methu (%)</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Allforio siart</translation>
    </message>
    <message>
        <source>PNG (*.png)</source>
        <translation>PNG (*.png)</translation>
    </message>
    <message>
        <source>the chart could not be drawn</source>
        <translation>methu llunio&apos;r siart</translation>
    </message>
    <message>
        <source>✓ Wrote the figures to {path}.</source>
        <translation>✓ Ysgrifennwyd y ffigurau i {path}.</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>Heb ei allforio</translation>
    </message>
    <message>
        <source>{path} could not be written: {exc}</source>
        <translation>Methu ysgrifennu {path}: {exc}</translation>
    </message>
    <message>
        <source>Export figures</source>
        <translation>Allforio ffigurau</translation>
    </message>
    <message>
        <source>every profile</source>
        <translation>pob proffil</translation>
    </message>
    <message>
        <source>campaign {name}</source>
        <translation>ymgyrch {name}</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} i {end}</translation>
    </message>
    <message>
        <source>from {start}</source>
        <translation>o {start}</translation>
    </message>
    <message>
        <source>up to {end}</source>
        <translation>hyd at {end}</translation>
    </message>
    <message>
        <source>all dates</source>
        <translation>pob dyddiad</translation>
    </message>
    <message>
        <source>4/5 or more of the highest rate</source>
        <translation>4/5 neu fwy o&apos;r gyfradd uchaf</translation>
    </message>
    <message>
        <source>Below 4/5: flagged</source>
        <translation>Islaw 4/5: wedi&apos;i nodi</translation>
    </message>
    <message>
        <source>Pass rate as a share of the highest group&apos;s rate</source>
        <translation>Cyfradd llwyddo fel cyfran o gyfradd y grŵp uchaf</translation>
    </message>
    <message>
        <source>Four fifths (0.8)</source>
        <translation>Pedair rhan o bump (0.8)</translation>
    </message>
    <message>
        <source>Adverse impact: overall pass; groups under 5 and the groups withheld to protect them are not drawn</source>
        <translation>Effaith andwyol: llwyddo at ei gilydd; ni ddangosir grwpiau o dan 5 na&apos;r grwpiau a ddaliwyd yn ôl i&apos;w diogelu</translation>
    </message>
    <message>
        <source>Mean: own grade minus the co-panelists&apos; mean</source>
        <translation>Cymedr: gradd yr aelod ei hun llai cymedr cyd-aelodau&apos;r panel</translation>
    </message>
    <message>
        <source>− severe · lenient +   (lines: 95% intervals)</source>
        <translation>− llym · hael +   (llinellau: cyfyngau 95%)</translation>
    </message>
    <message>
        <source>Assessors with {least} or more grades: leniency against their co-panelists</source>
        <translation>Aseswyr â {least} gradd neu fwy: haelioni o&apos;i gymharu â&apos;u cyd-banelwyr</translation>
    </message>
    <message>
        <source>Every assessor (some with under {least} grades): leniency against their co-panelists</source>
        <translation>Pob asesydd (rhai â llai na {least} gradd): haelioni o&apos;i gymharu â&apos;u cyd-banelwyr</translation>
    </message>
    <message numerus="yes">
        <source>(the %Ln furthest; the table lists all)</source>
        <translation>
            <numerusform>(y %Ln pellaf; y tabl: pob un)</numerusform>
            <numerusform>(y %Ln pellaf; y tabl: pob un)</numerusform>
            <numerusform>(y %Ln pellaf; y tabl: pob un)</numerusform>
            <numerusform>(y %Ln pellaf; y tabl: pob un)</numerusform>
            <numerusform>(y %Ln pellaf; y tabl: pob un)</numerusform>
        </translation>
    </message>
    <message>
        <source>Krippendorff&apos;s alpha (ordinal)</source>
        <translation>Alffa Krippendorff (trefnol)</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s alpha, ordinal: 0.8 or more reliable, under 0.667 not</source>
        <translation>Alffa Krippendorff, trefnol: 0.8 neu fwy yn ddibynadwy, o dan 0.667 ddim</translation>
    </message>
    <message>
        <source>Agreement between assessors per area</source>
        <translation>Cytundeb rhwng aseswyr fesul maes</translation>
    </message>
    <message>
        <source>Agreement between assessors per profile, all areas</source>
        <translation>Cytundeb rhwng aseswyr fesul proffil, pob maes</translation>
    </message>
    <message>
        <source>Mean of the members&apos; own grades</source>
        <translation>Cymedr graddau&apos;r aelodau eu hunain</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Gradd</translation>
    </message>
    <message>
        <source>Drift by month: the grades given and agreed</source>
        <translation>Drifft fesul mis: y graddau a roddwyd ac a gytunwyd</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Maes</translation>
    </message>
    <message>
        <source>Graded</source>
        <translation>Wedi&apos;u graddio</translation>
    </message>
    <message>
        <source>Below the minimum</source>
        <translation>Islaw&apos;r isafswm</translation>
    </message>
    <message>
        <source>Spread of {least}+</source>
        <translation>Gwasgariad o {least}+</translation>
    </message>
    <message>
        <source>all areas</source>
        <translation>pob maes</translation>
    </message>
    <message>
        <source>Alpha (ordinal)</source>
        <translation>Alffa (trefnol)</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unedau</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mis</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiynau</translation>
    </message>
    <message>
        <source>Mean member grade</source>
        <translation>Gradd gymedrig yr aelodau</translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation>Cyfradd llwyddo</translation>
    </message>
    <message>
        <source>Mean &amp;grade</source>
        <translation>Cymedr (&amp;G)</translation>
    </message>
    <message>
        <source>Faili&amp;ng</source>
        <translation>Methu (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Spread {least}+</source>
        <translation>Gwasgariad {least}+ (&amp;S)</translation>
    </message>
    <message>
        <source>Adverse impa&amp;ct</source>
        <translation>Effaith andwyol (&amp;C)</translation>
    </message>
    <message>
        <source>Agree&amp;ment</source>
        <translation>Cytundeb (&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Drift by month</source>
        <translation>Drifft misol (&amp;D)</translation>
    </message>
    <message>
        <source>Every profile</source>
        <translation>Pob proffil</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Ymgyrch</translation>
    </message>
    <message>
        <source>Assessors under &amp;{least} grades</source>
        <translation>Aseswyr â llai na &amp;{least} gradd</translation>
    </message>
    <message>
        <source>Also list assessors with fewer than {least} grades compared with their co-panelists (hidden by default: a session or two says little)</source>
        <translation>Rhestru hefyd aseswyr â llai na {least} gradd wedi&apos;u cymharu â&apos;u cyd-aelodau ar y panel (wedi&apos;u cuddio fel arfer: ychydig a ddywed sesiwn neu ddwy)</translation>
    </message>
    <message>
        <source>Figures per area</source>
        <translation>Ffigurau fesul maes</translation>
    </message>
    <message>
        <source>Adverse impact table</source>
        <translation>Tabl effaith andwyol</translation>
    </message>
    <message>
        <source>Assessors table</source>
        <translation>Tabl aseswyr</translation>
    </message>
    <message>
        <source>Agreement table</source>
        <translation>Tabl cytundeb</translation>
    </message>
    <message>
        <source>Drift table</source>
        <translation>Tabl drifft</translation>
    </message>
    <message>
        <source>Pr&amp;ofile:</source>
        <translation>Pr&amp;offil:</translation>
    </message>
    <message>
        <source>The From date ({start}) is after the To date ({end}): no session can be in that range.</source>
        <translation>Mae&apos;r dyddiad O ({start}) ar ôl y dyddiad I ({end}): ni all unrhyw sesiwn fod yn yr ystod honno.</translation>
    </message>
    <message>
        <source>Working out the figures</source>
        <translation>Yn cyfrifo&apos;r ffigurau</translation>
    </message>
    <message>
        <source>Working out the figures…</source>
        <translation>Yn cyfrifo&apos;r ffigurau…</translation>
    </message>
    <message>
        <source>Stopped: the figures are not shown.</source>
        <translation>Wedi stopio: ni ddangosir y ffigurau.</translation>
    </message>
    <message>
        <source>Stopped before the figures were worked out.</source>
        <translation>Wedi stopio cyn i&apos;r ffigurau gael eu cyfrifo.</translation>
    </message>
    <message>
        <source>✗ Could not work out the figures.</source>
        <translation>✗ Nid oedd modd cyfrifo&apos;r ffigurau.</translation>
    </message>
    <message>
        <source>Could not read</source>
        <translation>Nid oedd modd darllen</translation>
    </message>
    <message>
        <source>Could not work out the figures</source>
        <translation>Nid oedd modd cyfrifo&apos;r ffigurau</translation>
    </message>
    <message numerus="yes">
        <source>{selection} · n = %Ln signed session(s)</source>
        <translation>
            <numerusform>{selection} · n = %Ln sesiwn wedi&apos;i llofnodi</numerusform>
            <numerusform>{selection} · n = %Ln sesiwn wedi&apos;i llofnodi</numerusform>
            <numerusform>{selection} · n = %Ln sesiwn wedi&apos;i llofnodi</numerusform>
            <numerusform>{selection} · n = %Ln sesiwn wedi&apos;i llofnodi</numerusform>
            <numerusform>{selection} · n = %Ln sesiwn wedi&apos;i llofnodi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%Ln&lt;/b&gt; signed session(s) · pass rate &lt;b&gt;{rate}&lt;/b&gt; · equality data for &lt;b&gt;{equality}&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; sesiwn wedi&apos;i llofnodi · cyfradd llwyddo &lt;b&gt;{rate}&lt;/b&gt; · data cydraddoldeb ar gyfer &lt;b&gt;{equality}&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; sesiwn wedi&apos;i llofnodi · cyfradd llwyddo &lt;b&gt;{rate}&lt;/b&gt; · data cydraddoldeb ar gyfer &lt;b&gt;{equality}&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; sesiwn wedi&apos;i llofnodi · cyfradd llwyddo &lt;b&gt;{rate}&lt;/b&gt; · data cydraddoldeb ar gyfer &lt;b&gt;{equality}&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; sesiwn wedi&apos;i llofnodi · cyfradd llwyddo &lt;b&gt;{rate}&lt;/b&gt; · data cydraddoldeb ar gyfer &lt;b&gt;{equality}&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; sesiwn wedi&apos;i llofnodi · cyfradd llwyddo &lt;b&gt;{rate}&lt;/b&gt; · data cydraddoldeb ar gyfer &lt;b&gt;{equality}&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln assessor(s) with fewer than {least} grades not listed</source>
        <translation>
            <numerusform>%Ln asesydd â llai na {least} gradd heb eu rhestru</numerusform>
            <numerusform>%Ln asesydd â llai na {least} gradd heb ei restru</numerusform>
            <numerusform>%Ln asesydd â llai na {least} gradd heb eu rhestru</numerusform>
            <numerusform>%Ln asesydd â llai na {least} gradd heb eu rhestru</numerusform>
            <numerusform>%Ln asesydd â llai na {least} gradd heb eu rhestru</numerusform>
        </translation>
    </message>
    <message>
        <source>Areas: {areas}</source>
        <translation>Meysydd: {areas}</translation>
    </message>
    <message>
        <source>(in points: {points})</source>
        <translation>(mewn pwyntiau: {points})</translation>
    </message>
    <message>
        <source>(letters in points)</source>
        <translation>(llythrennau mewn pwyntiau)</translation>
    </message>
    <message>
        <source>Mean agreed grade per area</source>
        <translation>Gradd gytunedig gymedrig fesul maes</translation>
    </message>
    <message>
        <source>Areas with a spread of {least} or more between members (%)</source>
        <translation>Meysydd â gwasgariad o {least} neu fwy rhwng aelodau (%)</translation>
    </message>
    <message>
        <source>Spread {least}+ (%)</source>
        <translation>Gwasgariad {least}+ (%)</translation>
    </message>
    <message>
        <source>✓ Wrote the chart to {path}.</source>
        <translation>✓ Ysgrifennwyd y siart i {path}.</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Database damaged</source>
        <translation>Cronfa ddata wedi&apos;i difrodi</translation>
    </message>
    <message>
        <source>{message}

No good backup was found.</source>
        <translation>{message}

Ni chafwyd hyd i gopi wrth gefn da.</translation>
    </message>
    <message>
        <source>{message}

Restore the newest good backup ({name})? What was saved since it was taken is not in it; the damaged file is kept beside it, never deleted.</source>
        <translation>{message}

Adfer y copi wrth gefn da diweddaraf ({name})? Nid yw&apos;r hyn a gadwyd ers ei gymryd ynddo; cedwir y ffeil a ddifrodwyd wrth ei ochr, ni chaiff byth ei dileu.</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>Heb ei adfer</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Copi wrth gefn wedi&apos;i adfer</translation>
    </message>
    <message>
        <source>Restored {backup}. The damaged file is kept as {kept}.</source>
        <translation>Adferwyd {backup}. Cedwir y ffeil a ddifrodwyd fel {kept}.</translation>
    </message>
    <message>
        <source>Database in use</source>
        <translation>Cronfa ddata&apos;n cael ei defnyddio</translation>
    </message>
    <message>
        <source>{exc}

Try again now?</source>
        <translation>{exc}

Roi cynnig arall arni nawr?</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>Methu agor y gronfa ddata</translation>
    </message>
    <message>
        <source>Start-up check failed: {exc}</source>
        <translation>Methodd y gwiriad cychwyn: {exc}</translation>
    </message>
    <message>
        <source>The database was changed outside the app: {first} ({count} in all; `pcso-interview check` lists them). No backup was made of it.</source>
        <translation>Newidiwyd y gronfa ddata y tu allan i&apos;r ap: {first} ({count} i gyd; mae `pcso-interview check` yn eu rhestru). Ni wnaed copi wrth gefn ohoni.</translation>
    </message>
    <message>
        <source>Start-up backup failed: {exc}</source>
        <translation>Methodd y copi wrth gefn cychwynnol: {exc}</translation>
    </message>
    <message>
        <source>Backup saved: {made}</source>
        <translation>Copi wrth gefn wedi&apos;i gadw: {made}</translation>
    </message>
    <message>
        <source>Backup is up to date.</source>
        <translation>Mae&apos;r copi wrth gefn yn gyfredol.</translation>
    </message>
    <message>
        <source>{message}

After restoring, the app will close; start it again to go on.</source>
        <translation>{message}

Ar ôl adfer, bydd yr ap yn cau; dechreuwch ef eto i barhau.</translation>
    </message>
    <message>
        <source>Details were written to {where}.</source>
        <translation>Ysgrifennwyd y manylion i {where}.</translation>
    </message>
    <message>
        <source>The details could not be written to a log file ({exc}).</source>
        <translation>Methu ysgrifennu&apos;r manylion i ffeil log ({exc}).</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Aeth rhywbeth o&apos;i le</translation>
    </message>
    <message>
        <source>{value}

What you had saved is safe in the database. {details}</source>
        <translation>{value}

Mae&apos;r hyn a gadwyd gennych yn ddiogel yn y gronfa ddata. {details}</translation>
    </message>
    <message>
        <source>This database is open in another window ({holder}), so this window is read-only: nothing can be changed here. What the other window saves shows here within a second; close it to work in this one.</source>
        <translation>Mae&apos;r gronfa ddata hon ar agor mewn ffenestr arall ({holder}), felly mae&apos;r ffenestr hon yn ddarllen yn unig: ni ellir newid dim yma. Mae&apos;r hyn y mae&apos;r ffenestr arall yn ei gadw yn ymddangos yma o fewn eiliad; caewch hi i weithio yn hon.</translation>
    </message>
    <message>
        <source>PCSO interview</source>
        <translation>Cyfweliad SCCH</translation>
    </message>
</context>
<context>
    <name>browser</name>
    <message>
        <source>Any outcome</source>
        <translation>Unrhyw ganlyniad</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>Llwyddo</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>Methu</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>Anghyflawn</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Wedi tynnu&apos;n ôl</translation>
    </message>
    <message>
        <source>No grouping</source>
        <translation>Dim grwpio</translation>
    </message>
    <message>
        <source>Group by day</source>
        <translation>Grwpio fesul diwrnod</translation>
    </message>
    <message>
        <source>Group by campaign</source>
        <translation>Grwpio fesul ymgyrch</translation>
    </message>
    <message>
        <source>Day or campaign</source>
        <translation>Diwrnod neu ymgyrch</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiynau</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Wedi&apos;u llofnodi</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Dyddiau</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first} i {last}</translation>
    </message>
</context>
<context>
    <name>consensus_page</name>
    <message>
        <source>No agreed grade yet: {value}.</source>
        <translation>Dim gradd gytunedig eto: {value}.</translation>
    </message>
    <message>
        <source>The agreed grades and the outcome show for {member_name} once they have graded every area.</source>
        <translation>Mae&apos;r graddau cytunedig a&apos;r canlyniad yn ymddangos i {member_name} unwaith y bydd wedi graddio pob maes.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Outcome: {value} {label}&lt;/b&gt; — {score_text}, pass mark {pass_mark_text}</source>
        <translation>&lt;b&gt;Canlyniad: {value} {label}&lt;/b&gt; — {score_text}, marc llwyddo {pass_mark_text}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Next: Sign-off (Ctrl+Shift+S)&lt;/b&gt;</source>
        <translation>&lt;b&gt;Nesaf: Llofnodi (Ctrl+Shift+S)&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>feedback</name>
    <message>
        <source>The database refused the change: this session is signed off or withdrawn.</source>
        <translation>Gwrthododd y gronfa ddata y newid: mae&apos;r sesiwn hon wedi&apos;i llofnodi neu wedi&apos;i thynnu&apos;n ôl.</translation>
    </message>
    <message>
        <source>The database could not be read ({error}); try again in a moment.</source>
        <translation>Methu darllen y gronfa ddata ({error}); rhowch gynnig arall arni mewn eiliad.</translation>
    </message>
    <message>
        <source>The database could not be written ({error}), so this change is not saved. Whatever you typed is still on screen; try again in a moment.</source>
        <translation>Methu ysgrifennu i&apos;r gronfa ddata ({error}), felly nid yw&apos;r newid hwn wedi&apos;i gadw. Mae beth bynnag a deipiwyd gennych ar y sgrin o hyd; rhowch gynnig arall arni mewn eiliad.</translation>
    </message>
    <message>
        <source>Could not read</source>
        <translation>Methu darllen</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Heb ei gadw</translation>
    </message>
</context>
<context>
    <name>insight</name>
    <message>
        <source>scope</source>
        <translation>cwmpas</translation>
    </message>
    <message>
        <source>characteristic</source>
        <translation>nodwedd</translation>
    </message>
    <message>
        <source>group</source>
        <translation>grŵp</translation>
    </message>
    <message>
        <source>candidates</source>
        <translation>ymgeiswyr</translation>
    </message>
    <message>
        <source>passed or at minimum</source>
        <translation>wedi llwyddo neu ar yr isafswm</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>cyfradd</translation>
    </message>
    <message>
        <source>ratio to highest</source>
        <translation>cymhareb i&apos;r uchaf</translation>
    </message>
    <message>
        <source>flag</source>
        <translation>rhybudd</translation>
    </message>
    <message>
        <source>assessor</source>
        <translation>asesydd</translation>
    </message>
    <message>
        <source>grades</source>
        <translation>graddau</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>sesiynau</translation>
    </message>
    <message>
        <source>leniency</source>
        <translation>haelioni</translation>
    </message>
    <message>
        <source>95% low</source>
        <translation>95% isaf</translation>
    </message>
    <message>
        <source>95% high</source>
        <translation>95% uchaf</translation>
    </message>
    <message>
        <source>changed after reveal</source>
        <translation>newidiwyd ar ôl datgelu</translation>
    </message>
    <message>
        <source>overall (pass)</source>
        <translation>at ei gilydd (llwyddo)</translation>
    </message>
    <message>
        <source>below 4/5</source>
        <translation>islaw 4/5</translation>
    </message>
    <message>
        <source>&lt;5</source>
        <translation>&lt;5</translation>
    </message>
    <message>
        <source>withheld</source>
        <translation>wedi&apos;i ddal yn ôl</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Setting up</source>
        <translation>Wrthi&apos;n paratoi</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>Sgorio</translation>
    </message>
    <message>
        <source>Consensus</source>
        <translation>Consensws</translation>
    </message>
    <message>
        <source>Awaiting sign-off</source>
        <translation>Yn aros i&apos;w lofnodi</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Wedi&apos;i lofnodi</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Wedi&apos;i ailagor</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Wedi tynnu&apos;n ôl</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>Llwyddo</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>Methu</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>Anghyflawn</translation>
    </message>
    <message>
        <source>chair</source>
        <translation>cadeirydd</translation>
    </message>
    <message>
        <source>member</source>
        <translation>aelod</translation>
    </message>
    <message>
        <source>competency</source>
        <translation>cymhwysedd</translation>
    </message>
    <message>
        <source>value</source>
        <translation>gwerth</translation>
    </message>
    <message>
        <source>qualification</source>
        <translation>cymhwyster</translation>
    </message>
    <message>
        <source>experience</source>
        <translation>profiad</translation>
    </message>
    <message>
        <source>knowledge</source>
        <translation>gwybodaeth</translation>
    </message>
    <message>
        <source>skill</source>
        <translation>sgil</translation>
    </message>
    <message>
        <source>technical skill</source>
        <translation>sgil dechnegol</translation>
    </message>
    <message>
        <source>essential</source>
        <translation>hanfodol</translation>
    </message>
    <message>
        <source>desirable</source>
        <translation>dymunol</translation>
    </message>
    <message>
        <source>consensus</source>
        <translation>consensws</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>cymedr</translation>
    </message>
    <message>
        <source>typed</source>
        <translation>wedi&apos;i deipio</translation>
    </message>
    <message>
        <source>drawn</source>
        <translation>wedi&apos;i dynnu</translation>
    </message>
    <message>
        <source>I confirm that the evidence, classifications and grades recorded here under my name are my own, made independently and fairly against the indicators of this profile, and that the agreed grades and outcome are those the panel agreed.</source>
        <translation>Rwy&apos;n cadarnhau mai fy rhai i yw&apos;r dystiolaeth, y dosbarthiadau a&apos;r graddau a gofnodwyd yma o dan fy enw, a wnaed yn annibynnol ac yn deg yn erbyn dangosyddion y proffil hwn, ac mai&apos;r graddau cytunedig a&apos;r canlyniad yw&apos;r rhai y cytunodd y panel arnynt.</translation>
    </message>
    <message>
        <source>Demonstrated</source>
        <translation>Wedi&apos;i ddangos</translation>
    </message>
    <message>
        <source>Partly</source>
        <translation>Yn rhannol</translation>
    </message>
    <message>
        <source>Contrary</source>
        <translation>Tystiolaeth groes</translation>
    </message>
    <message>
        <source>Nothing recorded</source>
        <translation>Dim wedi&apos;i gofnodi</translation>
    </message>
    <message>
        <source>+ {demonstrated} demonstrated · ~ {partly} partly · − {contrary} contrary · {nothing} nothing (of {total})</source>
        <translation>+ {demonstrated} wedi&apos;u dangos · ~ {partly} yn rhannol · − {contrary} yn groes · {nothing} heb ddim (o {total})</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <source>Area</source>
        <translation>Maes</translation>
    </message>
    <message>
        <source>Consensus</source>
        <translation>Consensws</translation>
    </message>
    <message>
        <source>Sign-off ✓ signed</source>
        <translation>Llofnodi ✓ wedi llofnodi</translation>
    </message>
    <message>
        <source>Sign-off ✓ ready</source>
        <translation>Llofnodi ✓ yn barod</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation>Llofnodi</translation>
    </message>
</context>
<context>
    <name>phrases</name>
    <message>
        <source>open a session</source>
        <translation>agorwch sesiwn</translation>
    </message>
    <message>
        <source>nothing: this is a read-only view</source>
        <translation>dim: golwg darllen yn unig yw hon</translation>
    </message>
    <message>
        <source>nothing: this session is read-only ({shortcut} for the marking sheet)</source>
        <translation>dim: mae&apos;r sesiwn hon yn ddarllen yn unig ({shortcut} am y daflen farcio)</translation>
    </message>
    <message>
        <source>classify each indicator (D, P, C, N), then grade the area ({grade})</source>
        <translation>dosbarthwch bob dangosydd (D, P, C, N), yna graddiwch y maes ({grade})</translation>
    </message>
    <message>
        <source>the next area ({shortcut}); {member} has areas still to grade</source>
        <translation>y maes nesaf ({shortcut}); mae gan {member} feysydd i&apos;w graddio o hyd</translation>
    </message>
    <message>
        <source>{members} to grade every area ({shortcut} to switch member)</source>
        <translation>{members} i raddio pob maes ({shortcut} i newid aelod)</translation>
    </message>
    <message>
        <source>agree the grades in Consensus ({shortcut})</source>
        <translation>cytunwch ar y graddau yn Consensws ({shortcut})</translation>
    </message>
    <message>
        <source>sign off ({shortcut})</source>
        <translation>llofnodwch ({shortcut})</translation>
    </message>
    <message>
        <source>{first} or {last}</source>
        <translation>{first} neu {last}</translation>
    </message>
    <message>
        <source>G then {best}-{worst}</source>
        <translation>G yna {best}-{worst}</translation>
    </message>
    <message>
        <source>{total} of {maximum} ({percentage})</source>
        <translation>{total} o {maximum} ({percentage})</translation>
    </message>
    <message>
        <source>{points} points</source>
        <translation>{points} pwynt</translation>
    </message>
    <message>
        <source>{points} point</source>
        <translation>{points} pwynt</translation>
    </message>
    <message>
        <source>Every area is at or above its minimum; {score} is at least the pass mark of {mark}.</source>
        <translation>Mae pob maes ar ei isafswm neu&apos;n uwch; nid yw {score} yn is na&apos;r marc llwyddo o {mark}.</translation>
    </message>
    <message>
        <source>Every area is at or above its minimum; {score} is at least the {mark} pass mark.</source>
        <translation>Mae pob maes ar ei isafswm neu&apos;n uwch; nid yw {score} yn is na&apos;r marc llwyddo o {mark}.</translation>
    </message>
    <message>
        <source>{area}: {grade}, below the minimum {minimum}</source>
        <translation>{area}: {grade}, yn is na&apos;r isafswm {minimum}</translation>
    </message>
    <message>
        <source>Weighted total {score}, below the pass mark of {mark}</source>
        <translation>Cyfanswm wedi&apos;i bwysoli {score}, yn is na&apos;r marc llwyddo o {mark}</translation>
    </message>
    <message>
        <source>{area}: no agreed grade yet</source>
        <translation>{area}: dim gradd gytunedig eto</translation>
    </message>
    <message>
        <source>{member} has {count} area(s) still to grade.</source>
        <translation>{member}: {count} maes heb radd eto.</translation>
    </message>
    <message>
        <source>{area}: no agreed grade yet.</source>
        <translation>{area}: dim gradd gytunedig eto.</translation>
    </message>
    <message>
        <source>{area}: the agreed grade lies outside the members&apos; grades; a rationale is required.</source>
        <translation>{area}: mae&apos;r radd gytunedig y tu allan i raddau&apos;r aelodau; mae angen rhesymeg.</translation>
    </message>
    <message>
        <source>{member} changed this grade from {old} to {new} after the grades were shown</source>
        <translation>Newidiodd {member} y radd hon o {old} i {new} ar ôl i&apos;r graddau gael eu dangos</translation>
    </message>
    <message>
        <source>no grade</source>
        <translation>dim gradd</translation>
    </message>
    <message>
        <source>not levelled</source>
        <translation>heb lefel</translation>
    </message>
    <message>
        <source>competencies at level {level}; values are not levelled</source>
        <translation>cymwyseddau ar lefel {level}; nid oes lefelau i&apos;r gwerthoedd</translation>
    </message>
    <message>
        <source>level {level}</source>
        <translation>lefel {level}</translation>
    </message>
    <message>
        <source>Role profile</source>
        <translation>Proffil rôl</translation>
    </message>
    <message>
        <source>Role profile, {date}</source>
        <translation>Proffil rôl, {date}</translation>
    </message>
    <message>
        <source>{text} is not a grade on this scale ({labels}).</source>
        <translation>Nid yw {text} yn radd ar y raddfa hon ({labels}).</translation>
    </message>
    <message>
        <source>{value} is not a grade on this scale ({points}).</source>
        <translation>Nid yw {value} yn radd ar y raddfa hon ({points}).</translation>
    </message>
    <message>
        <source>{area}: the agreed grade waits until every member has graded it (still to grade: {waiting}).</source>
        <translation>{area}: mae&apos;r radd gytunedig yn aros nes bod pob aelod wedi&apos;i raddio (heb raddio eto: {waiting}).</translation>
    </message>
    <message>
        <source>Sign by drawing a signature or typing your name.</source>
        <translation>Llofnodwch drwy dynnu llofnod neu deipio eich enw.</translation>
    </message>
    <message>
        <source>{member} has already signed.</source>
        <translation>Mae {member} eisoes wedi llofnodi.</translation>
    </message>
    <message>
        <source>A typed signature is the member&apos;s own name as recorded: {member}.</source>
        <translation>Llofnod wedi&apos;i deipio yw enw&apos;r aelod ei hun fel y&apos;i cofnodwyd: {member}.</translation>
    </message>
    <message>
        <source>Not ready for sign-off: {blockers}</source>
        <translation>Ddim yn barod i&apos;w llofnodi: {blockers}</translation>
    </message>
    <message>
        <source>A session that is {current} cannot move to {target}.</source>
        <translation>Ni all sesiwn â&apos;r statws ‘{current}’ symud i ‘{target}’.</translation>
    </message>
    <message>
        <source>setting up</source>
        <translation>wrthi&apos;n paratoi</translation>
    </message>
    <message>
        <source>scoring</source>
        <translation>sgorio</translation>
    </message>
    <message>
        <source>consensus</source>
        <translation>consensws</translation>
    </message>
    <message>
        <source>awaiting sign-off</source>
        <translation>yn aros i&apos;w lofnodi</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>wedi&apos;i lofnodi</translation>
    </message>
    <message>
        <source>reopened</source>
        <translation>wedi&apos;i ailagor</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>wedi tynnu&apos;n ôl</translation>
    </message>
    <message>
        <source>Give a reason for clearing the signatures.</source>
        <translation>Rhowch reswm dros glirio&apos;r llofnodion.</translation>
    </message>
    <message>
        <source>This session is signed off and locked; HR can reopen it with a reason.</source>
        <translation>Mae&apos;r sesiwn hon wedi&apos;i llofnodi a&apos;i chloi; gall AD ei hailagor gyda rheswm.</translation>
    </message>
    <message>
        <source>This session was withdrawn and is locked.</source>
        <translation>Mae&apos;r sesiwn hon wedi&apos;i thynnu&apos;n ôl ac wedi&apos;i chloi.</translation>
    </message>
    <message>
        <source>Sign-off has begun; marks cannot change. Ask the chair to clear the signatures first.</source>
        <translation>Mae&apos;r llofnodi wedi dechrau; ni all y marciau newid. Gofynnwch i&apos;r cadeirydd glirio&apos;r llofnodion yn gyntaf.</translation>
    </message>
    <message>
        <source>Enter the candidate&apos;s name.</source>
        <translation>Rhowch enw&apos;r ymgeisydd.</translation>
    </message>
    <message>
        <source>Enter the candidate reference.</source>
        <translation>Rhowch gyfeirnod yr ymgeisydd.</translation>
    </message>
    <message>
        <source>{day} is not a date (use YYYY-MM-DD).</source>
        <translation>Nid yw {day} yn ddyddiad (defnyddiwch BBBB-MM-DD).</translation>
    </message>
    <message>
        <source>{field}: {problem}.</source>
        <translation>{field}: {problem}.</translation>
    </message>
    <message>
        <source>Candidate name</source>
        <translation>Enw&apos;r ymgeisydd</translation>
    </message>
    <message>
        <source>Candidate reference</source>
        <translation>Cyfeirnod yr ymgeisydd</translation>
    </message>
    <message>
        <source>Interview date</source>
        <translation>Dyddiad y cyfweliad</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Lleoliad</translation>
    </message>
    <message>
        <source>Panel member {number} name</source>
        <translation>Enw aelod {number} o&apos;r panel</translation>
    </message>
    <message>
        <source>Panel member {number} staff or collar number</source>
        <translation>Rhif staff neu rif coler aelod {number} o&apos;r panel</translation>
    </message>
    <message>
        <source>empty, or only spaces</source>
        <translation>yn wag, neu&apos;n fylchau yn unig</translation>
    </message>
    <message>
        <source>begins or ends with a space</source>
        <translation>yn dechrau neu&apos;n gorffen â bwlch</translation>
    </message>
    <message>
        <source>holds a control or invisible character ({character} at character {position})</source>
        <translation>yn cynnwys nod rheoli neu nod anweledig ({character} yn nod rhif {position})</translation>
    </message>
    <message>
        <source>{length} characters, more than the {most} allowed</source>
        <translation>{length} nod, mwy na&apos;r {most} a ganiateir</translation>
    </message>
    <message>
        <source>{day} is not a real date</source>
        <translation>nid yw {day} yn ddyddiad go iawn</translation>
    </message>
    <message>
        <source>A panel has 1 to {most} members, not {count}.</source>
        <translation>Mae gan banel 1 i {most} aelod, nid {count}.</translation>
    </message>
    <message>
        <source>Two panel members have the same id.</source>
        <translation>Mae gan ddau aelod o&apos;r panel yr un dynodydd.</translation>
    </message>
    <message>
        <source>Every panel member needs a name.</source>
        <translation>Mae angen enw ar bob aelod o&apos;r panel.</translation>
    </message>
    <message>
        <source>A panel has exactly one chair, not {count}.</source>
        <translation>Mae gan banel un cadeirydd yn union, nid {count}.</translation>
    </message>
    <message>
        <source>Reopening needs a written reason.</source>
        <translation>Mae angen rheswm ysgrifenedig i ailagor.</translation>
    </message>
    <message>
        <source>Withdrawal needs a reason.</source>
        <translation>Mae angen rheswm i dynnu&apos;n ôl.</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>Mae PIN yn 4 i 8 digid.</translation>
    </message>
    <message>
        <source>Choose a PIN of 4 to 8 digits, or a passphrase of at least {least} characters.</source>
        <translation>Dewiswch PIN o 4 i 8 digid, neu gyfrinymadrodd o {least} nod o leiaf.</translation>
    </message>
    <message>
        <source>A passphrase has at least {least} characters.</source>
        <translation>Mae gan gyfrinymadrodd {least} nod o leiaf.</translation>
    </message>
    <message>
        <source>{member} already has a PIN; an HR admin can reset a forgotten one.</source>
        <translation>Mae gan {member} PIN eisoes; gall gweinyddwr AD ailosod un a anghofiwyd.</translation>
    </message>
    <message>
        <source>{member} has no PIN yet: choose one first.</source>
        <translation>Nid oes gan {member} PIN eto: dewiswch un yn gyntaf.</translation>
    </message>
    <message>
        <source>Too many wrong PINs for {member}: wait {wait} s and try again.</source>
        <translation>Gormod o PINau anghywir i {member}: arhoswch {wait} eiliad a rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>Wrong PIN for {member}, three times: wait {wait} s and try again.</source>
        <translation>PIN anghywir i {member}, dair gwaith: arhoswch {wait} eiliad a rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>Wrong PIN for {member} ({left} more try).</source>
        <translation>PIN anghywir i {member} ({left} cynnig arall).</translation>
    </message>
    <message>
        <source>Wrong PIN for {member} ({left} more tries).</source>
        <translation>PIN anghywir i {member} ({left} cynnig arall).</translation>
    </message>
    <message>
        <source>No HR account named {name}.</source>
        <translation>Dim cyfrif AD o&apos;r enw {name}.</translation>
    </message>
    <message>
        <source>Too many wrong passphrases for {name}: wait {wait} s.</source>
        <translation>Gormod o gyfrinymadroddion anghywir i {name}: arhoswch {wait} eiliad.</translation>
    </message>
    <message>
        <source>Wrong passphrase for {name}.</source>
        <translation>Cyfrinymadrodd anghywir i {name}.</translation>
    </message>
    <message>
        <source>The database {path} is in use by another program{who}. Nothing was changed; close that program or wait for it to finish, then try again.</source>
        <translation>Mae&apos;r gronfa ddata {path} yn cael ei defnyddio gan raglen arall{who}. Ni newidiwyd dim; caewch y rhaglen honno neu arhoswch iddi orffen, yna rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source> ({holder})</source>
        <translation> ({holder})</translation>
    </message>
    <message>
        <source>The database {path} is damaged and cannot be opened ({detail}).</source>
        <translation>Mae&apos;r gronfa ddata {path} wedi&apos;i difrodi ac ni ellir ei hagor ({detail}).</translation>
    </message>
    <message>
        <source>{damaged} The newest good backup is {backup}.</source>
        <translation>{damaged} Y copi wrth gefn da diweddaraf yw {backup}.</translation>
    </message>
    <message>
        <source>{damaged} No good backup was found.</source>
        <translation>{damaged} Ni chafwyd hyd i gopi wrth gefn da.</translation>
    </message>
    <message>
        <source>{damaged} A file {wal} lies beside it: if the database was copied or restored by hand, that file may belong to the copy it replaced. Move it and its -shm file to another folder (do not delete them) and open the database again.</source>
        <translation>{damaged} Mae ffeil {wal} wrth ei hymyl: os copïwyd neu adferwyd y gronfa ddata â llaw, gall y ffeil honno berthyn i&apos;r copi a ddisodlwyd. Symudwch hi a&apos;i ffeil -shm i ffolder arall (peidiwch â&apos;u dileu) ac agorwch y gronfa ddata eto.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file: give the path of the database file itself.</source>
        <translation>Ffolder yw {path}, nid ffeil cronfa ddata: rhowch lwybr ffeil y gronfa ddata ei hun.</translation>
    </message>
    <message>
        <source>The database {path} (or its folder) is read-only, so nothing could be saved. Choose a writable location with --db; the file has not been changed.</source>
        <translation>Mae&apos;r gronfa ddata {path} (neu ei ffolder) yn ddarllen yn unig, felly ni ellid cadw dim. Dewiswch leoliad y gellir ysgrifennu iddo gyda --db; nid yw&apos;r ffeil wedi&apos;i newid.</translation>
    </message>
    <message>
        <source>Cannot create the folder {folder} for the database ({reason}).</source>
        <translation>Methu creu&apos;r ffolder {folder} ar gyfer y gronfa ddata ({reason}).</translation>
    </message>
    <message>
        <source>Could not open the database {path}: {reason}</source>
        <translation>Methu agor y gronfa ddata {path}: {reason}</translation>
    </message>
    <message>
        <source>The database {path} was written by a newer version of pcso-interview (schema {version}; this version knows {known}). Update the app; the file has not been changed.</source>
        <translation>Ysgrifennwyd y gronfa ddata {path} gan fersiwn mwy newydd o pcso-interview (sgema {version}; mae&apos;r fersiwn hon yn adnabod {known}). Diweddarwch yr ap; nid yw&apos;r ffeil wedi&apos;i newid.</translation>
    </message>
    <message>
        <source>{path}: no such file</source>
        <translation>{path}: dim ffeil o&apos;r fath</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({reason})</source>
        <translation>{path}: methu ei darllen ({reason})</translation>
    </message>
    <message>
        <source>{path}: written by a newer version of pcso-interview (format version {version}); update the app</source>
        <translation>{path}: ysgrifennwyd gan fersiwn mwy newydd o pcso-interview (fersiwn fformat {version}); diweddarwch yr ap</translation>
    </message>
    <message>
        <source>{path}: not a pcso-interview session or member-marks file</source>
        <translation>{path}: nid yw&apos;n ffeil sesiwn na ffeil marciau aelod pcso-interview</translation>
    </message>
    <message>
        <source>{path}: refused: the session is marked signed but carries no digest</source>
        <translation>{path}: gwrthodwyd: mae&apos;r sesiwn wedi&apos;i nodi&apos;n un wedi&apos;i llofnodi ond nid oes crynodeb ynddi</translation>
    </message>
    <message>
        <source>{path}: refused as tampered: the signed session&apos;s digest does not match its content</source>
        <translation>{path}: gwrthodwyd fel un yr ymyrrwyd â hi: nid yw crynodeb y sesiwn a lofnodwyd yn cyfateb i&apos;w chynnwys</translation>
    </message>
    <message>
        <source>{path}: skipped, session {session} is already here and identical</source>
        <translation>{path}: hepgorwyd, mae sesiwn {session} yma eisoes ac yn union yr un fath</translation>
    </message>
    <message>
        <source>{path}: refused, session {session} is already here with different content; nothing was overwritten</source>
        <translation>{path}: gwrthodwyd, mae sesiwn {session} yma eisoes gyda chynnwys gwahanol; ni throswysgrifennwyd dim</translation>
    </message>
    <message>
        <source>{path}: imported session {session} ({reference})</source>
        <translation>{path}: mewnforiwyd sesiwn {session} ({reference})</translation>
    </message>
    <message>
        <source>{path}: refused: session {session} was purged here on {date} by {who} (past its retention period); it is not brought back</source>
        <translation>{path}: gwrthodwyd: cafodd sesiwn {session} ei dileu yma ar {date} gan {who} (wedi mynd heibio i&apos;w chyfnod cadw); ni chaiff ei dwyn yn ôl</translation>
    </message>
    <message>
        <source>{path}: session {session} is not in this database; import the session first</source>
        <translation>{path}: nid yw sesiwn {session} yn y gronfa ddata hon; mewnforiwch y sesiwn yn gyntaf</translation>
    </message>
    <message>
        <source>{path}: merged the marks of {member} into session {session}</source>
        <translation>{path}: cyfunwyd marciau {member} i sesiwn {session}</translation>
    </message>
    <message>
        <source>{path}: refused: the marks are for candidate {file_ref}, but session {session} is candidate {here_ref}</source>
        <translation>{path}: gwrthodwyd: mae&apos;r marciau ar gyfer yr ymgeisydd {file_ref}, ond yr ymgeisydd yn sesiwn {session} yw {here_ref}</translation>
    </message>
    <message>
        <source>{path}: refused: the file does not give the member&apos;s staff or collar number (an older version wrote it); export the marks again</source>
        <translation>{path}: gwrthodwyd: nid yw&apos;r ffeil yn rhoi rhif staff neu rif coler yr aelod (fersiwn hŷn a&apos;i hysgrifennodd); allforiwch y marciau eto</translation>
    </message>
    <message>
        <source>{path}: refused: the marks are by {name} ({number}), but member {member} of this session is {here_name} ({here_number})</source>
        <translation>{path}: gwrthodwyd: mae&apos;r marciau gan {name} ({number}), ond {here_name} ({here_number}) yw aelod {member} y sesiwn hon</translation>
    </message>
    <message>
        <source>no number</source>
        <translation>dim rhif</translation>
    </message>
    <message>
        <source>{path}: the file holds marks of more than one member</source>
        <translation>{path}: mae&apos;r ffeil yn dal marciau mwy nag un aelod</translation>
    </message>
    <message>
        <source>{path}: {count} conflict(s), nothing imported: {listing}</source>
        <translation>{path}: {count} gwrthdaro, ni fewnforiwyd dim: {listing}</translation>
    </message>
    <message>
        <source>{member}, indicator {indicator}: here {old} {old_note}, in the file {new} {new_note}</source>
        <translation>{member}, dangosydd {indicator}: yma {old} {old_note}, yn y ffeil {new} {new_note}</translation>
    </message>
    <message>
        <source>{member}, note on {area}: differs</source>
        <translation>{member}, nodyn ar {area}: yn wahanol</translation>
    </message>
    <message>
        <source>{member}, grade for {area}: here {old}, in the file {new}</source>
        <translation>{member}, gradd ar gyfer {area}: yma {old}, yn y ffeil {new}</translation>
    </message>
    <message>
        <source>{first}; {rest}</source>
        <translation>{first}; {rest}</translation>
    </message>
    <message>
        <source>demonstrated</source>
        <translation>wedi&apos;i ddangos</translation>
    </message>
    <message>
        <source>partly</source>
        <translation>yn rhannol</translation>
    </message>
    <message>
        <source>contrary</source>
        <translation>tystiolaeth groes</translation>
    </message>
    <message>
        <source>none</source>
        <translation>dim wedi&apos;i gofnodi</translation>
    </message>
    <message>
        <source>{path}: a mark names {member}, not a panel member</source>
        <translation>{path}: mae marc yn enwi {member}, nad yw&apos;n aelod o&apos;r panel</translation>
    </message>
    <message>
        <source>{path}: unknown indicator {indicator}</source>
        <translation>{path}: dangosydd anhysbys {indicator}</translation>
    </message>
    <message>
        <source>{path}: a note names unknown area {area}</source>
        <translation>{path}: mae nodyn yn enwi maes anhysbys {area}</translation>
    </message>
    <message>
        <source>{path}: a grade names unplanned area {area}</source>
        <translation>{path}: mae gradd yn enwi maes nad yw yn y cynllun {area}</translation>
    </message>
    <message>
        <source>{path}: grade for {area}: {problem}</source>
        <translation>{path}: gradd ar gyfer {area}: {problem}</translation>
    </message>
    <message>
        <source>{path}: a sign-off names {member}, not a panel member</source>
        <translation>{path}: mae llofnod yn enwi {member}, nad yw&apos;n aelod o&apos;r panel</translation>
    </message>
    <message>
        <source>{path}: {member} signs twice</source>
        <translation>{path}: mae {member} yn llofnodi ddwywaith</translation>
    </message>
    <message>
        <source>{path}: the session is marked signed, but {names} has not signed it</source>
        <translation>{path}: mae&apos;r sesiwn wedi&apos;i nodi&apos;n un wedi&apos;i llofnodi, ond nid yw {names} wedi&apos;i llofnodi</translation>
    </message>
    <message>
        <source>{path}: the signature of {name} does not say what content it signed; sign-offs cannot be imported without it</source>
        <translation>{path}: nid yw llofnod {name} yn dweud pa gynnwys a lofnodwyd; ni ellir mewnforio llofnodion hebddo</translation>
    </message>
    <message>
        <source>{path}: the signature of {name} was made on other content: the marks, grades or outcome were changed after it was signed</source>
        <translation>{path}: gwnaed llofnod {name} ar gynnwys arall: newidiwyd y marciau, y graddau neu&apos;r canlyniad ar ôl iddo gael ei lofnodi</translation>
    </message>
    <message>
        <source>{path}: every member has signed, but the session is not marked signed: a signed session&apos;s file keeps its status and digest</source>
        <translation>{path}: mae pob aelod wedi llofnodi, ond nid yw&apos;r sesiwn wedi&apos;i nodi&apos;n un wedi&apos;i llofnodi: mae ffeil sesiwn a lofnodwyd yn cadw ei statws a&apos;i chrynodeb</translation>
    </message>
    <message>
        <source>{path}: refused: {field}: {problem}; a session file is imported exactly as written, never corrected</source>
        <translation>{path}: gwrthodwyd: {field}: {problem}; caiff ffeil sesiwn ei mewnforio yn union fel y&apos;i hysgrifennwyd, heb ei chywiro byth</translation>
    </message>
    <message>
        <source>{path}: at {where}: {problem}</source>
        <translation>{path}: nid yw&apos;r ffeil yn dilyn ei sgema yn {where} (canfyddiad y gwiriad, yn Saesneg: {problem})</translation>
    </message>
    <message>
        <source>{path}: at $.member: &apos;number&apos; is missing</source>
        <translation>{path}: nid yw&apos;r ffeil yn dilyn ei sgema yn $.member: mae &apos;number&apos; (rhif staff neu rif coler yr aelod) ar goll</translation>
    </message>
    <message>
        <source>{path}: at {problem} (the app writes a decimal as text, e.g. &quot;1.5&quot;)</source>
        <translation>{path}: mae&apos;r ap yn ysgrifennu degolyn fel testun, e.e. &quot;1.5&quot; (canfyddiad y gwiriad, yn Saesneg: {problem})</translation>
    </message>
    <message>
        <source>{path}: {problem}</source>
        <translation>{path}: {problem}</translation>
    </message>
    <message>
        <source>No panel member {member} in this session.</source>
        <translation>Nid oes aelod o&apos;r panel {member} yn y sesiwn hon.</translation>
    </message>
    <message>
        <source>the file is a database (or part of one), which is never written over: choose another file</source>
        <translation>mae&apos;r ffeil yn gronfa ddata (neu&apos;n rhan o un), nad ysgrifennir byth drosti: dewiswch ffeil arall</translation>
    </message>
    <message>
        <source>nested more than {limit} levels deep</source>
        <translation>wedi&apos;i nythu fwy na {limit} lefel o ddyfnder</translation>
    </message>
    <message>
        <source>a number with {digits} digits (at most {most})</source>
        <translation>rhif â {digits} digid (dim mwy na {most})</translation>
    </message>
    <message>
        <source>a number out of range ({number})</source>
        <translation>rhif y tu allan i&apos;r amrediad ({number})</translation>
    </message>
    <message>
        <source>{name} is not a number JSON allows</source>
        <translation>nid yw {name} yn rhif y mae JSON yn ei ganiatáu</translation>
    </message>
    <message>
        <source>not valid JSON: {problem} (line {line}, column {column})</source>
        <translation>nid yw&apos;n JSON dilys: llinell {line}, colofn {column} (canfyddiad y darllenydd, yn Saesneg: {problem})</translation>
    </message>
    <message>
        <source>larger than {most} MB</source>
        <translation>mwy na {most} MB</translation>
    </message>
    <message>
        <source>not UTF-8 text ({problem} at byte {byte})</source>
        <translation>nid yw&apos;n destun UTF-8: beit {byte} (canfyddiad y darllenydd, yn Saesneg: {problem})</translation>
    </message>
    <message>
        <source>not a file (a pipe, a device or a socket)</source>
        <translation>nid ffeil mohono (pibell, dyfais neu soced)</translation>
    </message>
</context>
<context>
    <name>profile_browser</name>
    <message>
        <source>Force</source>
        <translation>Heddlu</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôl</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Gradd</translation>
    </message>
    <message>
        <source>Framework</source>
        <translation>Fframwaith</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Meysydd</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Dangosyddion</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Maes</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Rhif</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Dangosydd</translation>
    </message>
    <message>
        <source>Text from</source>
        <translation>Testun o</translation>
    </message>
    <message>
        <source>national CVF</source>
        <translation>CVF cenedlaethol</translation>
    </message>
    <message>
        <source>this document</source>
        <translation>y ddogfen hon</translation>
    </message>
    <message>
        <source>At interview</source>
        <translation>Yn y cyfweliad</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ydy</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nac ydy</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categori</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Maen prawf</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Disgrifiad</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Lefel</translation>
    </message>
    <message>
        <source>Essential / desirable</source>
        <translation>Hanfodol / dymunol</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>heb ei nodi</translation>
    </message>
    <message>
        <source>Assessed by</source>
        <translation>Asesir drwy</translation>
    </message>
</context>
<context>
    <name>review_dialog</name>
    <message>
        <source>Session created</source>
        <translation>Sesiwn wedi&apos;i chreu</translation>
    </message>
    <message>
        <source>Imported from a file</source>
        <translation>Wedi&apos;i mewnforio o ffeil</translation>
    </message>
    <message>
        <source>Demonstration data</source>
        <translation>Data enghreifftiol</translation>
    </message>
    <message>
        <source>Details changed</source>
        <translation>Manylion wedi&apos;u newid</translation>
    </message>
    <message>
        <source>Question changed</source>
        <translation>Cwestiwn wedi&apos;i newid</translation>
    </message>
    <message>
        <source>Evidence classified</source>
        <translation>Tystiolaeth wedi&apos;i dosbarthu</translation>
    </message>
    <message>
        <source>Evidence note</source>
        <translation>Nodyn tystiolaeth</translation>
    </message>
    <message>
        <source>Area note</source>
        <translation>Nodyn maes</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Gradd</translation>
    </message>
    <message>
        <source>Grade changed after the grades were shown</source>
        <translation>Gradd wedi&apos;i newid ar ôl i&apos;r graddau gael eu dangos</translation>
    </message>
    <message>
        <source>Agreed grade</source>
        <translation>Gradd gytunedig</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>Statws wedi&apos;i newid</translation>
    </message>
    <message>
        <source>PIN chosen</source>
        <translation>PIN wedi&apos;i ddewis</translation>
    </message>
    <message>
        <source>PIN reset by HR</source>
        <translation>PIN wedi&apos;i ailosod gan AD</translation>
    </message>
    <message>
        <source>Wrong PIN</source>
        <translation>PIN anghywir</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Wedi&apos;i lofnodi</translation>
    </message>
    <message>
        <source>Locked (all signed)</source>
        <translation>Wedi&apos;i chloi (pawb wedi llofnodi)</translation>
    </message>
    <message>
        <source>Signatures cleared</source>
        <translation>Llofnodion wedi&apos;u clirio</translation>
    </message>
    <message>
        <source>A member&apos;s marks merged</source>
        <translation>Marciau aelod wedi&apos;u cyfuno</translation>
    </message>
    <message>
        <source>Marking sheet issued</source>
        <translation>Taflen farcio wedi&apos;i chyhoeddi</translation>
    </message>
    <message>
        <source>Reopened by HR</source>
        <translation>Ailagorwyd gan AD</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Wedi tynnu&apos;n ôl</translation>
    </message>
    <message>
        <source>Campaign changed</source>
        <translation>Ymgyrch wedi&apos;i newid</translation>
    </message>
    <message>
        <source>Equality data</source>
        <translation>Data cydraddoldeb</translation>
    </message>
    <message>
        <source>Purged</source>
        <translation>Wedi&apos;i dileu</translation>
    </message>
    <message>
        <source>HR account added</source>
        <translation>Cyfrif AD wedi&apos;i ychwanegu</translation>
    </message>
    <message>
        <source>Passphrase reset</source>
        <translation>Cyfrinymadrodd wedi&apos;i ailosod</translation>
    </message>
    <message>
        <source>Wrong passphrase</source>
        <translation>Cyfrinymadrodd anghywir</translation>
    </message>
    <message>
        <source>{name}, indicator {number}</source>
        <translation>{name}, dangosydd {number}</translation>
    </message>
    <message>
        <source>Reason: {subject}</source>
        <translation>Rheswm: {subject}</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Pryd (UTC)</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Pwy</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Beth</translation>
    </message>
    <message>
        <source>Of / reason</source>
        <translation>O / rheswm</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>Hen werth</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Gwerth newydd</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Fersiwn</translation>
    </message>
    <message>
        <source>Signed (UTC)</source>
        <translation>Llofnodwyd (UTC)</translation>
    </message>
    <message>
        <source>SHA-256 of the signed content</source>
        <translation>SHA-256 y cynnwys a lofnodwyd</translation>
    </message>
</context>
<context>
    <name>session_list</name>
    <message>
        <source>Date</source>
        <translation>Dyddiad</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heddiw</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Cyfeirnod</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Ymgeisydd</translation>
    </message>
    <message>
        <source>Force and role</source>
        <translation>Heddlu a rôl</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Cadeirydd</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Canlyniad</translation>
    </message>
</context>
<context>
    <name>sessions_model</name>
    <message>
        <source>Date</source>
        <translation>Dyddiad</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Ymgeisydd</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Cyfeirnod</translation>
    </message>
    <message>
        <source>Force and role</source>
        <translation>Heddlu a rôl</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Cadeirydd</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Canlyniad</translation>
    </message>
    <message>
        <source>Weighted total</source>
        <translation>Cyfanswm wedi&apos;i bwysoli</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Iaith</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Ymgyrch</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Saesneg</translation>
    </message>
    <message>
        <source>Welsh</source>
        <translation>Cymraeg</translation>
    </message>
    <message>
        <source>{outcome} (provisional)</source>
        <translation>{outcome} (dros dro)</translation>
    </message>
</context>
<context>
    <name>shortcuts</name>
    <message>
        <source>New session</source>
        <translation>Sesiwn newydd</translation>
    </message>
    <message>
        <source>The list of sessions</source>
        <translation>Y rhestr o sesiynau</translation>
    </message>
    <message>
        <source>Choose who is scoring (&apos;Scoring as&apos;); Enter goes to their first ungraded area</source>
        <translation>Dewis pwy sy&apos;n sgorio (&apos;Yn sgorio fel&apos;); mae Enter yn mynd i&apos;w maes cyntaf heb radd</translation>
    </message>
    <message>
        <source>Next area (then Consensus, then Sign-off)</source>
        <translation>Y maes nesaf (yna Consensws, yna Llofnodi)</translation>
    </message>
    <message>
        <source>Previous area</source>
        <translation>Y maes blaenorol</translation>
    </message>
    <message>
        <source>Back to the indicators</source>
        <translation>Yn ôl i&apos;r dangosyddion</translation>
    </message>
    <message>
        <source>Move between indicators</source>
        <translation>Symud rhwng dangosyddion</translation>
    </message>
    <message>
        <source>D or +</source>
        <translation>D neu +</translation>
    </message>
    <message>
        <source>Classify: demonstrated (each classification moves on to the next indicator)</source>
        <translation>Dosbarthu: wedi&apos;i ddangos (mae pob dosbarthiad yn symud ymlaen i&apos;r dangosydd nesaf)</translation>
    </message>
    <message>
        <source>P or ~</source>
        <translation>P neu ~</translation>
    </message>
    <message>
        <source>Classify: partly demonstrated</source>
        <translation>Dosbarthu: wedi&apos;i ddangos yn rhannol</translation>
    </message>
    <message>
        <source>C or -</source>
        <translation>C neu -</translation>
    </message>
    <message>
        <source>Classify: contrary evidence</source>
        <translation>Dosbarthu: tystiolaeth groes</translation>
    </message>
    <message>
        <source>N or 0</source>
        <translation>N neu 0</translation>
    </message>
    <message>
        <source>Classify: nothing recorded</source>
        <translation>Dosbarthu: dim wedi&apos;i gofnodi</translation>
    </message>
    <message>
        <source>Type the evidence note for the indicator</source>
        <translation>Teipio&apos;r nodyn tystiolaeth ar gyfer y dangosydd</translation>
    </message>
    <message>
        <source>Leave the note, back to the indicators (the note is saved)</source>
        <translation>Gadael y nodyn, yn ôl i&apos;r dangosyddion (mae&apos;r nodyn wedi&apos;i gadw)</translation>
    </message>
    <message>
        <source>Set your grade for the area (in the indicators)</source>
        <translation>Gosod eich gradd ar gyfer y maes (yn y dangosyddion)</translation>
    </message>
    <message>
        <source>G, then the letter</source>
        <translation>G, yna&apos;r llythyren</translation>
    </message>
    <message>
        <source>Set your grade on a lettered scale (A … D): the letter&apos;s grade</source>
        <translation>Gosod eich gradd ar raddfa lythrennau (A … D): gradd y llythyren</translation>
    </message>
    <message>
        <source>The free note for the area</source>
        <translation>Y nodyn rhydd ar gyfer y maes</translation>
    </message>
    <message>
        <source>The question asked for the area</source>
        <translation>Y cwestiwn a ofynnwyd ar gyfer y maes</translation>
    </message>
    <message>
        <source>Undo / redo a change on the page shown</source>
        <translation>Dadwneud / ailwneud newid ar y dudalen a ddangosir</translation>
    </message>
    <message>
        <source>Consensus: agreed grades and the outcome</source>
        <translation>Consensws: graddau cytunedig a&apos;r canlyniad</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation>Llofnodi</translation>
    </message>
    <message>
        <source>Withdraw the candidate (with a reason)</source>
        <translation>Tynnu&apos;r ymgeisydd yn ôl (gyda rheswm)</translation>
    </message>
    <message>
        <source>Preview the marking sheet, save it as PDF or print it</source>
        <translation>Rhagolwg o&apos;r daflen farcio, ei chadw fel PDF neu ei hargraffu</translation>
    </message>
    <message>
        <source>HR review: type in the search box (candidate, reference or member)</source>
        <translation>Adolygiad AD: teipiwch yn y blwch chwilio (ymgeisydd, cyfeirnod neu aelod)</translation>
    </message>
    <message>
        <source>This list</source>
        <translation>Y rhestr hon</translation>
    </message>
</context>
<context>
    <name>signoff_page</name>
    <message>
        <source>Member</source>
        <translation>Aelod</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôl</translation>
    </message>
    <message>
        <source>Staff / collar no.</source>
        <translation>Rhif staff / coler</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Llofnodwyd</translation>
    </message>
</context>
<context>
    <name>steps</name>
    <message>
        <source>Finding the sessions</source>
        <translation>Yn dod o hyd i&apos;r sesiynau</translation>
    </message>
    <message>
        <source>Reading the sessions</source>
        <translation>Yn darllen y sesiynau</translation>
    </message>
    <message>
        <source>Reading the equality data</source>
        <translation>Yn darllen y data cydraddoldeb</translation>
    </message>
    <message>
        <source>Counting outcomes</source>
        <translation>Yn cyfrif canlyniadau</translation>
    </message>
    <message>
        <source>Adverse impact</source>
        <translation>Effaith andwyol</translation>
    </message>
    <message>
        <source>Assessors&apos; leniency</source>
        <translation>Haelioni&apos;r aseswyr</translation>
    </message>
    <message>
        <source>Agreement between assessors</source>
        <translation>Cytundeb rhwng aseswyr</translation>
    </message>
    <message>
        <source>Drift by month</source>
        <translation>Drifft fesul mis</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Wedi gorffen</translation>
    </message>
    <message>
        <source>Writing the file</source>
        <translation>Yn ysgrifennu&apos;r ffeil</translation>
    </message>
    <message>
        <source>Moving the sessions</source>
        <translation>Yn symud y sesiynau</translation>
    </message>
    <message>
        <source>Reading the file</source>
        <translation>Yn darllen y ffeil</translation>
    </message>
    <message>
        <source>Matching candidates</source>
        <translation>Yn paru ymgeiswyr</translation>
    </message>
</context>
</TS>
