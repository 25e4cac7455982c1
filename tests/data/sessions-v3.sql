-- A sessions database as version 3 of the app wrote it (schema 3), as SQL text: the
-- tests build the file from it (tests/store_support.old_database). Invented people only.
PRAGMA user_version = 3;
BEGIN TRANSACTION;
CREATE TABLE "_sqlite_migrations" (
   "id" INTEGER PRIMARY KEY,
   "migration_set" TEXT,
   "name" TEXT,
   "applied_at" TEXT
);
INSERT INTO "_sqlite_migrations" VALUES(1,'pcso-interview','001_initial','2026-11-29 00:39:14.762543+00:00');
INSERT INTO "_sqlite_migrations" VALUES(2,'pcso-interview','002_app_state','2026-11-29 00:39:14.764224+00:00');
INSERT INTO "_sqlite_migrations" VALUES(3,'pcso-interview','003_search_index','2026-11-29 00:39:14.766528+00:00');
CREATE TABLE agreed (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    area_id TEXT NOT NULL,
    grade INTEGER NOT NULL,
    rationale TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (session_id, area_id)
) WITHOUT ROWID;
INSERT INTO "agreed" VALUES('069de36d903845149843d7f988af4a7c','analyse-critically',3,'');
INSERT INTO "agreed" VALUES('069de36d903845149843d7f988af4a7c','collaborative',3,'');
INSERT INTO "agreed" VALUES('069de36d903845149843d7f988af4a7c','deliver-support-inspire',3,'');
INSERT INTO "agreed" VALUES('069de36d903845149843d7f988af4a7c','emotionally-aware',3,'');
INSERT INTO "agreed" VALUES('069de36d903845149843d7f988af4a7c','impartiality',3,'');
INSERT INTO "agreed" VALUES('069de36d903845149843d7f988af4a7c','innovative-open-minded',3,'');
INSERT INTO "agreed" VALUES('069de36d903845149843d7f988af4a7c','integrity',3,'');
INSERT INTO "agreed" VALUES('069de36d903845149843d7f988af4a7c','ownership',3,'');
INSERT INTO "agreed" VALUES('069de36d903845149843d7f988af4a7c','public-service',3,'');
INSERT INTO "agreed" VALUES('069de36d903845149843d7f988af4a7c','transparency',3,'');
INSERT INTO "agreed" VALUES('4e02f921f7de4bfd84e803e272f18f83','analyse-critically',3,'');
INSERT INTO "agreed" VALUES('4e02f921f7de4bfd84e803e272f18f83','collaborative',3,'');
INSERT INTO "agreed" VALUES('4e02f921f7de4bfd84e803e272f18f83','deliver-support-inspire',3,'');
INSERT INTO "agreed" VALUES('4e02f921f7de4bfd84e803e272f18f83','emotionally-aware',3,'');
INSERT INTO "agreed" VALUES('4e02f921f7de4bfd84e803e272f18f83','impartiality',3,'');
INSERT INTO "agreed" VALUES('4e02f921f7de4bfd84e803e272f18f83','innovative-open-minded',3,'');
INSERT INTO "agreed" VALUES('4e02f921f7de4bfd84e803e272f18f83','integrity',3,'');
INSERT INTO "agreed" VALUES('4e02f921f7de4bfd84e803e272f18f83','ownership',3,'');
INSERT INTO "agreed" VALUES('4e02f921f7de4bfd84e803e272f18f83','public-service',3,'');
INSERT INTO "agreed" VALUES('4e02f921f7de4bfd84e803e272f18f83','transparency',3,'');
INSERT INTO "agreed" VALUES('619c7606647849d4a8198ffdba3d32e9','analyse-critically',3,'');
INSERT INTO "agreed" VALUES('619c7606647849d4a8198ffdba3d32e9','collaborative',3,'');
INSERT INTO "agreed" VALUES('619c7606647849d4a8198ffdba3d32e9','deliver-support-inspire',3,'');
INSERT INTO "agreed" VALUES('619c7606647849d4a8198ffdba3d32e9','emotionally-aware',3,'');
INSERT INTO "agreed" VALUES('619c7606647849d4a8198ffdba3d32e9','impartiality',3,'');
INSERT INTO "agreed" VALUES('619c7606647849d4a8198ffdba3d32e9','innovative-open-minded',3,'');
INSERT INTO "agreed" VALUES('619c7606647849d4a8198ffdba3d32e9','integrity',3,'');
INSERT INTO "agreed" VALUES('619c7606647849d4a8198ffdba3d32e9','ownership',3,'');
INSERT INTO "agreed" VALUES('619c7606647849d4a8198ffdba3d32e9','public-service',3,'');
INSERT INTO "agreed" VALUES('619c7606647849d4a8198ffdba3d32e9','transparency',3,'');
CREATE TABLE app_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE area_notes (
    session_id TEXT NOT NULL,
    member_id TEXT NOT NULL,
    area_id TEXT NOT NULL,
    note TEXT NOT NULL,
    PRIMARY KEY (session_id, member_id, area_id),
    FOREIGN KEY (session_id, member_id) REFERENCES members(session_id, member_id)
        ON DELETE CASCADE
) WITHOUT ROWID;
INSERT INTO "area_notes" VALUES('069de36d903845149843d7f988af4a7c','m1','analyse-critically','Clear STAR example (Ann Chair)');
INSERT INTO "area_notes" VALUES('069de36d903845149843d7f988af4a7c','m2','analyse-critically','Clear STAR example (Bob Member)');
INSERT INTO "area_notes" VALUES('4e02f921f7de4bfd84e803e272f18f83','m1','analyse-critically','Clear STAR example (Ann Chair)');
INSERT INTO "area_notes" VALUES('4e02f921f7de4bfd84e803e272f18f83','m2','analyse-critically','Clear STAR example (Bob Member)');
INSERT INTO "area_notes" VALUES('619c7606647849d4a8198ffdba3d32e9','m1','analyse-critically','Clear STAR example (Ann Chair)');
INSERT INTO "area_notes" VALUES('619c7606647849d4a8198ffdba3d32e9','m2','analyse-critically','Clear STAR example (Bob Member)');
CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    old TEXT NOT NULL DEFAULT '',
    new TEXT NOT NULL DEFAULT ''
);
INSERT INTO "audit" VALUES(1,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:00Z','Ann Chair','create','session','','OLD-SIGNED Ffion Example (kent-crime-prevention-pcso) on 2025-03-03');
INSERT INTO "audit" VALUES(2,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:01Z','Ann Chair','classify','m1/analyse-critically-1','none','demonstrated');
INSERT INTO "audit" VALUES(3,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:01Z','Ann Chair','status','session','setup','scoring');
INSERT INTO "audit" VALUES(4,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:02Z','Ann Chair','classify','m1/analyse-critically-2','none','contrary');
INSERT INTO "audit" VALUES(5,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:03Z','Ann Chair','note','m1/analyse-critically-1','','Calmed the dispute; siaradodd â''r cymydog 0');
INSERT INTO "audit" VALUES(6,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:04Z','Ann Chair','area note','m1/analyse-critically','','Clear STAR example (Ann Chair)');
INSERT INTO "audit" VALUES(7,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:05Z','Bob Member','classify','m2/analyse-critically-1','none','demonstrated');
INSERT INTO "audit" VALUES(8,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:06Z','Bob Member','classify','m2/analyse-critically-2','none','partly');
INSERT INTO "audit" VALUES(9,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:07Z','Bob Member','note','m2/analyse-critically-1','','Calmed the dispute; siaradodd â''r cymydog 1');
INSERT INTO "audit" VALUES(10,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:08Z','Bob Member','area note','m2/analyse-critically','','Clear STAR example (Bob Member)');
INSERT INTO "audit" VALUES(11,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:09Z','Ann Chair','grade','m1/analyse-critically','','3');
INSERT INTO "audit" VALUES(12,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:10Z','Ann Chair','grade','m1/collaborative','','3');
INSERT INTO "audit" VALUES(13,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:11Z','Ann Chair','grade','m1/deliver-support-inspire','','3');
INSERT INTO "audit" VALUES(14,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:12Z','Ann Chair','grade','m1/emotionally-aware','','3');
INSERT INTO "audit" VALUES(15,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:13Z','Ann Chair','grade','m1/innovative-open-minded','','3');
INSERT INTO "audit" VALUES(16,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:14Z','Ann Chair','grade','m1/ownership','','3');
INSERT INTO "audit" VALUES(17,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:15Z','Ann Chair','grade','m1/impartiality','','3');
INSERT INTO "audit" VALUES(18,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:16Z','Ann Chair','grade','m1/integrity','','3');
INSERT INTO "audit" VALUES(19,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:17Z','Ann Chair','grade','m1/public-service','','3');
INSERT INTO "audit" VALUES(20,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:18Z','Ann Chair','grade','m1/transparency','','3');
INSERT INTO "audit" VALUES(21,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:19Z','Bob Member','grade','m2/analyse-critically','','3');
INSERT INTO "audit" VALUES(22,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:20Z','Bob Member','grade','m2/collaborative','','3');
INSERT INTO "audit" VALUES(23,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:21Z','Bob Member','grade','m2/deliver-support-inspire','','3');
INSERT INTO "audit" VALUES(24,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:22Z','Bob Member','grade','m2/emotionally-aware','','3');
INSERT INTO "audit" VALUES(25,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:23Z','Bob Member','grade','m2/innovative-open-minded','','3');
INSERT INTO "audit" VALUES(26,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:24Z','Bob Member','grade','m2/ownership','','3');
INSERT INTO "audit" VALUES(27,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:25Z','Bob Member','grade','m2/impartiality','','3');
INSERT INTO "audit" VALUES(28,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:26Z','Bob Member','grade','m2/integrity','','3');
INSERT INTO "audit" VALUES(29,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:27Z','Bob Member','grade','m2/public-service','','3');
INSERT INTO "audit" VALUES(30,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:28Z','Bob Member','grade','m2/transparency','','3');
INSERT INTO "audit" VALUES(31,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:28Z','Bob Member','status','session','scoring','consensus');
INSERT INTO "audit" VALUES(32,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:29Z','Ann Chair','agree','Analyse Critically','','3');
INSERT INTO "audit" VALUES(33,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:30Z','Ann Chair','agree','Collaborative','','3');
INSERT INTO "audit" VALUES(34,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:31Z','Ann Chair','agree','Deliver, Support and Inspire','','3');
INSERT INTO "audit" VALUES(35,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:32Z','Ann Chair','agree','Emotionally Aware','','3');
INSERT INTO "audit" VALUES(36,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:33Z','Ann Chair','agree','Innovative and Open-minded','','3');
INSERT INTO "audit" VALUES(37,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:34Z','Ann Chair','agree','Take Ownership','','3');
INSERT INTO "audit" VALUES(38,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:35Z','Ann Chair','agree','Impartiality','','3');
INSERT INTO "audit" VALUES(39,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:36Z','Ann Chair','agree','Integrity','','3');
INSERT INTO "audit" VALUES(40,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:37Z','Ann Chair','agree','Public Service','','3');
INSERT INTO "audit" VALUES(41,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:38Z','Ann Chair','agree','Transparency','','3');
INSERT INTO "audit" VALUES(42,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:39Z','Ann Chair','sign','m1','','Ann Chair');
INSERT INTO "audit" VALUES(43,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:39Z','Ann Chair','status','session','consensus','awaiting_signoff');
INSERT INTO "audit" VALUES(44,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:40Z','Bob Member','sign','m2','','Bob Member');
INSERT INTO "audit" VALUES(45,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:40Z','Bob Member','status','session','awaiting_signoff','signed');
INSERT INTO "audit" VALUES(46,'069de36d903845149843d7f988af4a7c','2025-03-03T09:00:40Z','Bob Member','lock','version 1','','59405851b808883d7c77891e5b7d19c5120260f7da1cac0e4d5a99d3685de76c');
INSERT INTO "audit" VALUES(47,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:00:41Z','Ann Chair','create','session','','OLD-V2 Dylan Sample (kent-crime-prevention-pcso) on 2025-03-03');
INSERT INTO "audit" VALUES(48,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:00:42Z','Ann Chair','classify','m1/analyse-critically-1','none','demonstrated');
INSERT INTO "audit" VALUES(49,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:00:42Z','Ann Chair','status','session','setup','scoring');
INSERT INTO "audit" VALUES(50,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:00:43Z','Ann Chair','classify','m1/analyse-critically-2','none','contrary');
INSERT INTO "audit" VALUES(51,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:00:44Z','Ann Chair','note','m1/analyse-critically-1','','Calmed the dispute; siaradodd â''r cymydog 0');
INSERT INTO "audit" VALUES(52,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:00:45Z','Ann Chair','area note','m1/analyse-critically','','Clear STAR example (Ann Chair)');
INSERT INTO "audit" VALUES(53,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:00:46Z','Bob Member','classify','m2/analyse-critically-1','none','demonstrated');
INSERT INTO "audit" VALUES(54,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:00:47Z','Bob Member','classify','m2/analyse-critically-2','none','partly');
INSERT INTO "audit" VALUES(55,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:00:48Z','Bob Member','note','m2/analyse-critically-1','','Calmed the dispute; siaradodd â''r cymydog 1');
INSERT INTO "audit" VALUES(56,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:00:49Z','Bob Member','area note','m2/analyse-critically','','Clear STAR example (Bob Member)');
INSERT INTO "audit" VALUES(57,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:00:50Z','Ann Chair','grade','m1/analyse-critically','','3');
INSERT INTO "audit" VALUES(58,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:00:51Z','Ann Chair','grade','m1/collaborative','','3');
INSERT INTO "audit" VALUES(59,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:00:52Z','Ann Chair','grade','m1/deliver-support-inspire','','3');
INSERT INTO "audit" VALUES(60,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:00:53Z','Ann Chair','grade','m1/emotionally-aware','','3');
INSERT INTO "audit" VALUES(61,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:00:54Z','Ann Chair','grade','m1/innovative-open-minded','','3');
INSERT INTO "audit" VALUES(62,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:00:55Z','Ann Chair','grade','m1/ownership','','3');
INSERT INTO "audit" VALUES(63,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:00:56Z','Ann Chair','grade','m1/impartiality','','3');
INSERT INTO "audit" VALUES(64,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:00:57Z','Ann Chair','grade','m1/integrity','','3');
INSERT INTO "audit" VALUES(65,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:00:58Z','Ann Chair','grade','m1/public-service','','3');
INSERT INTO "audit" VALUES(66,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:00:59Z','Ann Chair','grade','m1/transparency','','3');
INSERT INTO "audit" VALUES(67,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:01:00Z','Bob Member','grade','m2/analyse-critically','','3');
INSERT INTO "audit" VALUES(68,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:01:01Z','Bob Member','grade','m2/collaborative','','3');
INSERT INTO "audit" VALUES(69,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:01:02Z','Bob Member','grade','m2/deliver-support-inspire','','3');
INSERT INTO "audit" VALUES(70,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:01:03Z','Bob Member','grade','m2/emotionally-aware','','3');
INSERT INTO "audit" VALUES(71,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:01:04Z','Bob Member','grade','m2/innovative-open-minded','','3');
INSERT INTO "audit" VALUES(72,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:01:05Z','Bob Member','grade','m2/ownership','','3');
INSERT INTO "audit" VALUES(73,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:01:06Z','Bob Member','grade','m2/impartiality','','3');
INSERT INTO "audit" VALUES(74,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:01:07Z','Bob Member','grade','m2/integrity','','3');
INSERT INTO "audit" VALUES(75,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:01:08Z','Bob Member','grade','m2/public-service','','3');
INSERT INTO "audit" VALUES(76,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:01:09Z','Bob Member','grade','m2/transparency','','3');
INSERT INTO "audit" VALUES(77,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:01:09Z','Bob Member','status','session','scoring','consensus');
INSERT INTO "audit" VALUES(78,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:01:10Z','Ann Chair','agree','Analyse Critically','','3');
INSERT INTO "audit" VALUES(79,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:01:11Z','Ann Chair','agree','Collaborative','','3');
INSERT INTO "audit" VALUES(80,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:01:12Z','Ann Chair','agree','Deliver, Support and Inspire','','3');
INSERT INTO "audit" VALUES(81,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:01:13Z','Ann Chair','agree','Emotionally Aware','','3');
INSERT INTO "audit" VALUES(82,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:01:14Z','Ann Chair','agree','Innovative and Open-minded','','3');
INSERT INTO "audit" VALUES(83,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:01:15Z','Ann Chair','agree','Take Ownership','','3');
INSERT INTO "audit" VALUES(84,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:01:16Z','Ann Chair','agree','Impartiality','','3');
INSERT INTO "audit" VALUES(85,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:01:17Z','Ann Chair','agree','Integrity','','3');
INSERT INTO "audit" VALUES(86,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:01:18Z','Ann Chair','agree','Public Service','','3');
INSERT INTO "audit" VALUES(87,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:01:19Z','Ann Chair','agree','Transparency','','3');
INSERT INTO "audit" VALUES(88,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:01:20Z','Ann Chair','sign','m1','','Ann Chair');
INSERT INTO "audit" VALUES(89,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:01:20Z','Ann Chair','status','session','consensus','awaiting_signoff');
INSERT INTO "audit" VALUES(90,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:01:21Z','Bob Member','sign','m2','','Bob Member');
INSERT INTO "audit" VALUES(91,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:01:21Z','Bob Member','status','session','awaiting_signoff','signed');
INSERT INTO "audit" VALUES(92,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:01:21Z','Bob Member','lock','version 1','','1006500aa8e30d56a2b4924cc416224bc0a739c47aac95937406989c1abf848e');
INSERT INTO "audit" VALUES(93,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:01:22Z','HR Officer','reopen','Typing error in a note','signed v1','reopened v2');
INSERT INTO "audit" VALUES(94,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:01:23Z','Ann Chair','note','m1/analyse-critically-1','Calmed the dispute; siaradodd â''r cymydog 0','Corrected note');
INSERT INTO "audit" VALUES(95,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:01:23Z','Ann Chair','status','session','reopened','consensus');
INSERT INTO "audit" VALUES(96,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:01:24Z','Ann Chair','sign','m1','','Ann Chair');
INSERT INTO "audit" VALUES(97,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:01:24Z','Ann Chair','status','session','consensus','awaiting_signoff');
INSERT INTO "audit" VALUES(98,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:01:25Z','Bob Member','sign','m2','','Bob Member');
INSERT INTO "audit" VALUES(99,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:01:25Z','Bob Member','status','session','awaiting_signoff','signed');
INSERT INTO "audit" VALUES(100,'4e02f921f7de4bfd84e803e272f18f83','2025-03-03T09:01:25Z','Bob Member','lock','version 2','','74ce0a9c7441a15c9a2e41889d03b8b37f18cc7749ccfe51421d902f8fe15a04');
INSERT INTO "audit" VALUES(101,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:26Z','Ann Chair','create','session','','OLD-PART Cerys Placeholder (kent-crime-prevention-pcso) on 2025-03-03');
INSERT INTO "audit" VALUES(102,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:27Z','Ann Chair','classify','m1/analyse-critically-1','none','demonstrated');
INSERT INTO "audit" VALUES(103,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:27Z','Ann Chair','status','session','setup','scoring');
INSERT INTO "audit" VALUES(104,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:28Z','Ann Chair','classify','m1/analyse-critically-2','none','contrary');
INSERT INTO "audit" VALUES(105,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:29Z','Ann Chair','note','m1/analyse-critically-1','','Calmed the dispute; siaradodd â''r cymydog 0');
INSERT INTO "audit" VALUES(106,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:30Z','Ann Chair','area note','m1/analyse-critically','','Clear STAR example (Ann Chair)');
INSERT INTO "audit" VALUES(107,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:31Z','Bob Member','classify','m2/analyse-critically-1','none','demonstrated');
INSERT INTO "audit" VALUES(108,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:32Z','Bob Member','classify','m2/analyse-critically-2','none','partly');
INSERT INTO "audit" VALUES(109,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:33Z','Bob Member','note','m2/analyse-critically-1','','Calmed the dispute; siaradodd â''r cymydog 1');
INSERT INTO "audit" VALUES(110,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:34Z','Bob Member','area note','m2/analyse-critically','','Clear STAR example (Bob Member)');
INSERT INTO "audit" VALUES(111,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:35Z','Ann Chair','grade','m1/analyse-critically','','3');
INSERT INTO "audit" VALUES(112,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:36Z','Ann Chair','grade','m1/collaborative','','3');
INSERT INTO "audit" VALUES(113,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:37Z','Ann Chair','grade','m1/deliver-support-inspire','','3');
INSERT INTO "audit" VALUES(114,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:38Z','Ann Chair','grade','m1/emotionally-aware','','3');
INSERT INTO "audit" VALUES(115,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:39Z','Ann Chair','grade','m1/innovative-open-minded','','3');
INSERT INTO "audit" VALUES(116,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:40Z','Ann Chair','grade','m1/ownership','','3');
INSERT INTO "audit" VALUES(117,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:41Z','Ann Chair','grade','m1/impartiality','','3');
INSERT INTO "audit" VALUES(118,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:42Z','Ann Chair','grade','m1/integrity','','3');
INSERT INTO "audit" VALUES(119,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:43Z','Ann Chair','grade','m1/public-service','','3');
INSERT INTO "audit" VALUES(120,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:44Z','Ann Chair','grade','m1/transparency','','3');
INSERT INTO "audit" VALUES(121,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:45Z','Bob Member','grade','m2/analyse-critically','','3');
INSERT INTO "audit" VALUES(122,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:46Z','Bob Member','grade','m2/collaborative','','3');
INSERT INTO "audit" VALUES(123,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:47Z','Bob Member','grade','m2/deliver-support-inspire','','3');
INSERT INTO "audit" VALUES(124,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:48Z','Bob Member','grade','m2/emotionally-aware','','3');
INSERT INTO "audit" VALUES(125,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:49Z','Bob Member','grade','m2/innovative-open-minded','','3');
INSERT INTO "audit" VALUES(126,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:50Z','Bob Member','grade','m2/ownership','','3');
INSERT INTO "audit" VALUES(127,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:51Z','Bob Member','grade','m2/impartiality','','3');
INSERT INTO "audit" VALUES(128,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:52Z','Bob Member','grade','m2/integrity','','3');
INSERT INTO "audit" VALUES(129,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:53Z','Bob Member','grade','m2/public-service','','3');
INSERT INTO "audit" VALUES(130,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:54Z','Bob Member','grade','m2/transparency','','3');
INSERT INTO "audit" VALUES(131,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:54Z','Bob Member','status','session','scoring','consensus');
INSERT INTO "audit" VALUES(132,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:55Z','Ann Chair','agree','Analyse Critically','','3');
INSERT INTO "audit" VALUES(133,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:56Z','Ann Chair','agree','Collaborative','','3');
INSERT INTO "audit" VALUES(134,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:57Z','Ann Chair','agree','Deliver, Support and Inspire','','3');
INSERT INTO "audit" VALUES(135,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:58Z','Ann Chair','agree','Emotionally Aware','','3');
INSERT INTO "audit" VALUES(136,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:01:59Z','Ann Chair','agree','Innovative and Open-minded','','3');
INSERT INTO "audit" VALUES(137,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:02:00Z','Ann Chair','agree','Take Ownership','','3');
INSERT INTO "audit" VALUES(138,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:02:01Z','Ann Chair','agree','Impartiality','','3');
INSERT INTO "audit" VALUES(139,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:02:02Z','Ann Chair','agree','Integrity','','3');
INSERT INTO "audit" VALUES(140,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:02:03Z','Ann Chair','agree','Public Service','','3');
INSERT INTO "audit" VALUES(141,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:02:04Z','Ann Chair','agree','Transparency','','3');
INSERT INTO "audit" VALUES(142,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:02:05Z','Ann Chair','sign','m1','','Ann Chair');
INSERT INTO "audit" VALUES(143,'619c7606647849d4a8198ffdba3d32e9','2025-03-03T09:02:05Z','Ann Chair','status','session','consensus','awaiting_signoff');
INSERT INTO "audit" VALUES(144,'e0bbdc077f684f2688532686e44b5202','2025-03-03T09:02:06Z','Ann Chair','create','session','','OLD-WD Owen Invented (kent-crime-prevention-pcso) on 2025-03-03');
INSERT INTO "audit" VALUES(145,'e0bbdc077f684f2688532686e44b5202','2025-03-03T09:02:07Z','HR Officer','withdraw','Did not attend','setup','withdrawn');
INSERT INTO "audit" VALUES(146,'eab8d229994145758a239b9c3f9d88e5','2025-03-03T09:02:08Z','Ann Chair','create','session','','OLD-OPEN Nia Madeup (kent-crime-prevention-pcso) on 2025-03-03');
INSERT INTO "audit" VALUES(147,'eab8d229994145758a239b9c3f9d88e5','2025-03-03T09:02:09Z','Ann Chair','classify','m1/analyse-critically-1','none','demonstrated');
INSERT INTO "audit" VALUES(148,'eab8d229994145758a239b9c3f9d88e5','2025-03-03T09:02:09Z','Ann Chair','status','session','setup','scoring');
CREATE TABLE grades (
    session_id TEXT NOT NULL,
    member_id TEXT NOT NULL,
    area_id TEXT NOT NULL,
    grade INTEGER NOT NULL,
    PRIMARY KEY (session_id, member_id, area_id),
    FOREIGN KEY (session_id, member_id) REFERENCES members(session_id, member_id)
        ON DELETE CASCADE
) WITHOUT ROWID;
INSERT INTO "grades" VALUES('069de36d903845149843d7f988af4a7c','m1','analyse-critically',3);
INSERT INTO "grades" VALUES('069de36d903845149843d7f988af4a7c','m1','collaborative',3);
INSERT INTO "grades" VALUES('069de36d903845149843d7f988af4a7c','m1','deliver-support-inspire',3);
INSERT INTO "grades" VALUES('069de36d903845149843d7f988af4a7c','m1','emotionally-aware',3);
INSERT INTO "grades" VALUES('069de36d903845149843d7f988af4a7c','m1','impartiality',3);
INSERT INTO "grades" VALUES('069de36d903845149843d7f988af4a7c','m1','innovative-open-minded',3);
INSERT INTO "grades" VALUES('069de36d903845149843d7f988af4a7c','m1','integrity',3);
INSERT INTO "grades" VALUES('069de36d903845149843d7f988af4a7c','m1','ownership',3);
INSERT INTO "grades" VALUES('069de36d903845149843d7f988af4a7c','m1','public-service',3);
INSERT INTO "grades" VALUES('069de36d903845149843d7f988af4a7c','m1','transparency',3);
INSERT INTO "grades" VALUES('069de36d903845149843d7f988af4a7c','m2','analyse-critically',3);
INSERT INTO "grades" VALUES('069de36d903845149843d7f988af4a7c','m2','collaborative',3);
INSERT INTO "grades" VALUES('069de36d903845149843d7f988af4a7c','m2','deliver-support-inspire',3);
INSERT INTO "grades" VALUES('069de36d903845149843d7f988af4a7c','m2','emotionally-aware',3);
INSERT INTO "grades" VALUES('069de36d903845149843d7f988af4a7c','m2','impartiality',3);
INSERT INTO "grades" VALUES('069de36d903845149843d7f988af4a7c','m2','innovative-open-minded',3);
INSERT INTO "grades" VALUES('069de36d903845149843d7f988af4a7c','m2','integrity',3);
INSERT INTO "grades" VALUES('069de36d903845149843d7f988af4a7c','m2','ownership',3);
INSERT INTO "grades" VALUES('069de36d903845149843d7f988af4a7c','m2','public-service',3);
INSERT INTO "grades" VALUES('069de36d903845149843d7f988af4a7c','m2','transparency',3);
INSERT INTO "grades" VALUES('4e02f921f7de4bfd84e803e272f18f83','m1','analyse-critically',3);
INSERT INTO "grades" VALUES('4e02f921f7de4bfd84e803e272f18f83','m1','collaborative',3);
INSERT INTO "grades" VALUES('4e02f921f7de4bfd84e803e272f18f83','m1','deliver-support-inspire',3);
INSERT INTO "grades" VALUES('4e02f921f7de4bfd84e803e272f18f83','m1','emotionally-aware',3);
INSERT INTO "grades" VALUES('4e02f921f7de4bfd84e803e272f18f83','m1','impartiality',3);
INSERT INTO "grades" VALUES('4e02f921f7de4bfd84e803e272f18f83','m1','innovative-open-minded',3);
INSERT INTO "grades" VALUES('4e02f921f7de4bfd84e803e272f18f83','m1','integrity',3);
INSERT INTO "grades" VALUES('4e02f921f7de4bfd84e803e272f18f83','m1','ownership',3);
INSERT INTO "grades" VALUES('4e02f921f7de4bfd84e803e272f18f83','m1','public-service',3);
INSERT INTO "grades" VALUES('4e02f921f7de4bfd84e803e272f18f83','m1','transparency',3);
INSERT INTO "grades" VALUES('4e02f921f7de4bfd84e803e272f18f83','m2','analyse-critically',3);
INSERT INTO "grades" VALUES('4e02f921f7de4bfd84e803e272f18f83','m2','collaborative',3);
INSERT INTO "grades" VALUES('4e02f921f7de4bfd84e803e272f18f83','m2','deliver-support-inspire',3);
INSERT INTO "grades" VALUES('4e02f921f7de4bfd84e803e272f18f83','m2','emotionally-aware',3);
INSERT INTO "grades" VALUES('4e02f921f7de4bfd84e803e272f18f83','m2','impartiality',3);
INSERT INTO "grades" VALUES('4e02f921f7de4bfd84e803e272f18f83','m2','innovative-open-minded',3);
INSERT INTO "grades" VALUES('4e02f921f7de4bfd84e803e272f18f83','m2','integrity',3);
INSERT INTO "grades" VALUES('4e02f921f7de4bfd84e803e272f18f83','m2','ownership',3);
INSERT INTO "grades" VALUES('4e02f921f7de4bfd84e803e272f18f83','m2','public-service',3);
INSERT INTO "grades" VALUES('4e02f921f7de4bfd84e803e272f18f83','m2','transparency',3);
INSERT INTO "grades" VALUES('619c7606647849d4a8198ffdba3d32e9','m1','analyse-critically',3);
INSERT INTO "grades" VALUES('619c7606647849d4a8198ffdba3d32e9','m1','collaborative',3);
INSERT INTO "grades" VALUES('619c7606647849d4a8198ffdba3d32e9','m1','deliver-support-inspire',3);
INSERT INTO "grades" VALUES('619c7606647849d4a8198ffdba3d32e9','m1','emotionally-aware',3);
INSERT INTO "grades" VALUES('619c7606647849d4a8198ffdba3d32e9','m1','impartiality',3);
INSERT INTO "grades" VALUES('619c7606647849d4a8198ffdba3d32e9','m1','innovative-open-minded',3);
INSERT INTO "grades" VALUES('619c7606647849d4a8198ffdba3d32e9','m1','integrity',3);
INSERT INTO "grades" VALUES('619c7606647849d4a8198ffdba3d32e9','m1','ownership',3);
INSERT INTO "grades" VALUES('619c7606647849d4a8198ffdba3d32e9','m1','public-service',3);
INSERT INTO "grades" VALUES('619c7606647849d4a8198ffdba3d32e9','m1','transparency',3);
INSERT INTO "grades" VALUES('619c7606647849d4a8198ffdba3d32e9','m2','analyse-critically',3);
INSERT INTO "grades" VALUES('619c7606647849d4a8198ffdba3d32e9','m2','collaborative',3);
INSERT INTO "grades" VALUES('619c7606647849d4a8198ffdba3d32e9','m2','deliver-support-inspire',3);
INSERT INTO "grades" VALUES('619c7606647849d4a8198ffdba3d32e9','m2','emotionally-aware',3);
INSERT INTO "grades" VALUES('619c7606647849d4a8198ffdba3d32e9','m2','impartiality',3);
INSERT INTO "grades" VALUES('619c7606647849d4a8198ffdba3d32e9','m2','innovative-open-minded',3);
INSERT INTO "grades" VALUES('619c7606647849d4a8198ffdba3d32e9','m2','integrity',3);
INSERT INTO "grades" VALUES('619c7606647849d4a8198ffdba3d32e9','m2','ownership',3);
INSERT INTO "grades" VALUES('619c7606647849d4a8198ffdba3d32e9','m2','public-service',3);
INSERT INTO "grades" VALUES('619c7606647849d4a8198ffdba3d32e9','m2','transparency',3);
CREATE TABLE marks (
    session_id TEXT NOT NULL,
    member_id TEXT NOT NULL,
    indicator_id TEXT NOT NULL,
    classification TEXT NOT NULL DEFAULT 'none'
        CHECK (classification IN ('demonstrated', 'partly', 'contrary', 'none')),
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (session_id, member_id, indicator_id),
    FOREIGN KEY (session_id, member_id) REFERENCES members(session_id, member_id)
        ON DELETE CASCADE
) WITHOUT ROWID;
INSERT INTO "marks" VALUES('069de36d903845149843d7f988af4a7c','m1','analyse-critically-1','demonstrated','Calmed the dispute; siaradodd â''r cymydog 0');
INSERT INTO "marks" VALUES('069de36d903845149843d7f988af4a7c','m1','analyse-critically-2','contrary','');
INSERT INTO "marks" VALUES('069de36d903845149843d7f988af4a7c','m2','analyse-critically-1','demonstrated','Calmed the dispute; siaradodd â''r cymydog 1');
INSERT INTO "marks" VALUES('069de36d903845149843d7f988af4a7c','m2','analyse-critically-2','partly','');
INSERT INTO "marks" VALUES('4e02f921f7de4bfd84e803e272f18f83','m1','analyse-critically-1','demonstrated','Corrected note');
INSERT INTO "marks" VALUES('4e02f921f7de4bfd84e803e272f18f83','m1','analyse-critically-2','contrary','');
INSERT INTO "marks" VALUES('4e02f921f7de4bfd84e803e272f18f83','m2','analyse-critically-1','demonstrated','Calmed the dispute; siaradodd â''r cymydog 1');
INSERT INTO "marks" VALUES('4e02f921f7de4bfd84e803e272f18f83','m2','analyse-critically-2','partly','');
INSERT INTO "marks" VALUES('619c7606647849d4a8198ffdba3d32e9','m1','analyse-critically-1','demonstrated','Calmed the dispute; siaradodd â''r cymydog 0');
INSERT INTO "marks" VALUES('619c7606647849d4a8198ffdba3d32e9','m1','analyse-critically-2','contrary','');
INSERT INTO "marks" VALUES('619c7606647849d4a8198ffdba3d32e9','m2','analyse-critically-1','demonstrated','Calmed the dispute; siaradodd â''r cymydog 1');
INSERT INTO "marks" VALUES('619c7606647849d4a8198ffdba3d32e9','m2','analyse-critically-2','partly','');
INSERT INTO "marks" VALUES('eab8d229994145758a239b9c3f9d88e5','m1','analyse-critically-1','demonstrated','');
CREATE TABLE members (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    member_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('chair', 'member')),
    number TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (session_id, member_id)
) WITHOUT ROWID;
INSERT INTO "members" VALUES('069de36d903845149843d7f988af4a7c','m1',0,'Ann Chair','chair','1001');
INSERT INTO "members" VALUES('069de36d903845149843d7f988af4a7c','m2',1,'Bob Member','member','2002');
INSERT INTO "members" VALUES('4e02f921f7de4bfd84e803e272f18f83','m1',0,'Ann Chair','chair','1001');
INSERT INTO "members" VALUES('4e02f921f7de4bfd84e803e272f18f83','m2',1,'Bob Member','member','2002');
INSERT INTO "members" VALUES('619c7606647849d4a8198ffdba3d32e9','m1',0,'Ann Chair','chair','1001');
INSERT INTO "members" VALUES('619c7606647849d4a8198ffdba3d32e9','m2',1,'Bob Member','member','2002');
INSERT INTO "members" VALUES('e0bbdc077f684f2688532686e44b5202','m1',0,'Ann Chair','chair','1001');
INSERT INTO "members" VALUES('e0bbdc077f684f2688532686e44b5202','m2',1,'Bob Member','member','2002');
INSERT INTO "members" VALUES('eab8d229994145758a239b9c3f9d88e5','m1',0,'Ann Chair','chair','1001');
INSERT INTO "members" VALUES('eab8d229994145758a239b9c3f9d88e5','m2',1,'Bob Member','member','2002');
CREATE TABLE profile_snapshots (
    digest TEXT PRIMARY KEY,
    profile_id TEXT NOT NULL,
    json TEXT NOT NULL
);
INSERT INTO "profile_snapshots" VALUES('af6d11bda392c3e7c68d98c11d5b5519715826b2ad505abec8e3bde356a798f6','kent-crime-prevention-pcso','{"agreed_grade_method":"consensus","areas":[{"cluster":"Intelligent, creative and informed policing","id":"analyse-critically","indicators":[{"id":"analyse-critically-1","text":"I recognise the need to think critically about issues. I value the use of analysis and testing in policing."},{"id":"analyse-critically-2","text":"I take in information quickly and accurately."},{"id":"analyse-critically-3","text":"I am able to separate information and decide whether it is irrelevant or relevant and its importance."},{"id":"analyse-critically-4","text":"I solve problems proactively by understanding the reasons behind them, using learning from evidence and my experiences to take action."},{"id":"analyse-critically-5","text":"I refer to procedures and precedents as necessary before making decisions."},{"id":"analyse-critically-6","text":"I weigh up the pros and cons of possible actions, thinking about potential risks and using this thinking to inform our decisions."},{"id":"analyse-critically-7","text":"I recognise gaps and inconsistencies in information and think about the potential implications."},{"id":"analyse-critically-8","text":"I make decisions in alignment with our mission, values and the Code of Ethics."}],"kind":"competency","name":"Analyse Critically","text_source":"document"},{"cluster":"Inclusive, enabling and visionary leadership","id":"collaborative","indicators":[{"id":"collaborative-1","text":"I work cooperatively with others to get things done, willingly giving help and support to colleagues."},{"id":"collaborative-2","text":"I am approachable, and explain things well so that I generate a common understanding."},{"id":"collaborative-3","text":"I take the time to get to know others and their perspective in order to build rapport."},{"id":"collaborative-4","text":"I treat people with respect as individuals and address their specific needs and concerns."},{"id":"collaborative-5","text":"I am open and transparent in my relationships with others."},{"id":"collaborative-6","text":"I ensure I am clear and appropriate in my communications."}],"kind":"competency","name":"Collaborative","text_source":"document"},{"cluster":"Inclusive, enabling and visionary leadership","id":"deliver-support-inspire","indicators":[{"id":"deliver-support-inspire-1","text":"I take on challenging tasks to help to improve the service continuously and support my colleagues."},{"id":"deliver-support-inspire-2","text":"I understand how my work contributes to the wider police service."},{"id":"deliver-support-inspire-3","text":"I understand it is part of my collective responsibility to deliver efficient services."},{"id":"deliver-support-inspire-4","text":"I take personal responsibility for making sure that I am working effectively to deliver the best service, both individually and with others."},{"id":"deliver-support-inspire-5","text":"I am conscientious in my approach, working hard to provide the best service and to overcome any obstacles that could prevent or hinder delivery."},{"id":"deliver-support-inspire-6","text":"I support the efficient use of resources to create the most value and to deliver the right impact."},{"id":"deliver-support-inspire-7","text":"I keep up to date with changes in internal and external environments."},{"id":"deliver-support-inspire-8","text":"I am a role model for the behaviours I expect to see in others and I act in the best interests of the public and the police service."}],"kind":"competency","name":"Deliver, Support and Inspire","text_source":"document"},{"cluster":"Resolute, compassionate and committed","id":"emotionally-aware","indicators":[{"id":"emotionally-aware-1","text":"I treat others with respect, tolerance and compassion."},{"id":"emotionally-aware-2","text":"I acknowledge and respect a range of different perspectives, values and beliefs within the remit of the law."},{"id":"emotionally-aware-3","text":"I remain calm and think about how to best manage the situation when faced with provocation."},{"id":"emotionally-aware-4","text":"I understand my own emotions and I know which situations might affect my ability to deal with stress and pressure."},{"id":"emotionally-aware-5","text":"I ask for help and support when I need it."},{"id":"emotionally-aware-6","text":"I understand the value that diversity offers."},{"id":"emotionally-aware-7","text":"I communicate in clear and simple language so that I can be easily understood by others."},{"id":"emotionally-aware-8","text":"I seek to understand the thoughts and concerns of others even when they are unable to express themselves clearly."}],"kind":"competency","name":"Emotionally Aware","text_source":"document"},{"cluster":"Intelligent, creative and informed policing","id":"innovative-open-minded","indicators":[{"id":"innovative-open-minded-1","text":"I demonstrate an openness to changing ideas, perceptions and ways of working."},{"id":"innovative-open-minded-2","text":"I share suggestions with colleagues, speaking up to help improve existing working methods and practices."},{"id":"innovative-open-minded-3","text":"I constantly reflect on my own way of working and periodically review processes and procedures for continuous improvements."},{"id":"innovative-open-minded-4","text":"I adapt to change and am flexible as the need arises while encouraging others to do the same."},{"id":"innovative-open-minded-5","text":"I learn from my experiences and do not let myself be unduly influenced by preconceptions."}],"kind":"competency","name":"Innovative and Open-minded","text_source":"document"},{"cluster":"Resolute, compassionate and committed","id":"ownership","indicators":[{"id":"ownership-1","text":"I actively identify and respond to problems."},{"id":"ownership-2","text":"I approach tasks with enthusiasm, focusing on public service excellence."},{"id":"ownership-3","text":"I regularly seek feedback to understand the quality of my work and the impact of my behaviour."},{"id":"ownership-4","text":"I recognise where I can help others and willingly take on additional tasks to support them, where appropriate."},{"id":"ownership-5","text":"I give feedback to others that I make sure is understandable and constructive."},{"id":"ownership-6","text":"I take responsibility for my own actions, I fulfil my promises and do what I say I will."},{"id":"ownership-7","text":"I will admit if I have made a mistake and take action to rectify this."},{"id":"ownership-8","text":"I demonstrate pride in representing the police service."},{"id":"ownership-9","text":"I understand my own strengths and areas for development and take responsibility for my own learning to address gaps."}],"kind":"competency","name":"Take Ownership","text_source":"document"},{"cluster":"","id":"impartiality","indicators":[{"id":"impartiality-1","text":"I take into account individual needs and requirements in all of my actions."},{"id":"impartiality-2","text":"I understand that treating everyone fairly does not mean everyone is treated the same."},{"id":"impartiality-3","text":"I always give people an equal opportunity to express their views."},{"id":"impartiality-4","text":"I communicate with everyone, making sure the most relevant message is provided to all."},{"id":"impartiality-5","text":"I value everyone''s views and opinions by actively listening to understand their perspective."},{"id":"impartiality-6","text":"I make fair and objective decisions using the best available evidence."},{"id":"impartiality-7","text":"I enable everyone to have equal access to services and information, where appropriate."}],"kind":"value","name":"Impartiality","text_source":"document"},{"cluster":"","id":"integrity","indicators":[{"id":"integrity-1","text":"I always act in line with the values of the police service and the Code of Ethics for the benefit of the public."},{"id":"integrity-2","text":"I demonstrate courage in doing the right thing, even in challenging situations."},{"id":"integrity-3","text":"I enhance the reputation of my organisation and the wider police service through my actions and behaviours."},{"id":"integrity-4","text":"I challenge colleagues whose behaviour, attitude and language falls below the public''s and the service''s expectations."},{"id":"integrity-5","text":"I am open and responsive to challenge about my actions and words."},{"id":"integrity-6","text":"I declare any conflicts of interest at the earliest opportunity."},{"id":"integrity-7","text":"I am respectful of the authority and influence my position gives me."},{"id":"integrity-8","text":"I use resources effectively and efficiently and not for personal benefit."}],"kind":"value","name":"Integrity","text_source":"document"},{"cluster":"","id":"public-service","indicators":[{"id":"public-service-1","text":"I act in the interest of the public, first and foremost."},{"id":"public-service-2","text":"I am motivated by serving the public, ensuring that I provide the best service possible at all times."},{"id":"public-service-3","text":"I seek to understand the needs of others to act in their best interests."},{"id":"public-service-4","text":"I adapt to address the needs and concerns of different communities."},{"id":"public-service-5","text":"I tailor my communication to be appropriate and respectful to my audience."},{"id":"public-service-6","text":"I take into consideration how others want to be treated when interacting with them."},{"id":"public-service-7","text":"I treat people respectfully regardless of the circumstances."},{"id":"public-service-8","text":"I share credit with everyone involved in delivering services."}],"kind":"value","name":"Public Service","text_source":"document"},{"cluster":"","id":"transparency","indicators":[{"id":"transparency-1","text":"I ensure that my decision-making rationale is clear and considered so that it is easily understood by others."},{"id":"transparency-2","text":"I am clear and comprehensive when communicating with others."},{"id":"transparency-3","text":"I am open and honest about my areas for development and I strive to improve."},{"id":"transparency-4","text":"I give an accurate representation of my actions and records."},{"id":"transparency-5","text":"I recognise the value of feedback and act on it."},{"id":"transparency-6","text":"I give constructive and accurate feedback."},{"id":"transparency-7","text":"I represent the opinions of others accurately and consistently."},{"id":"transparency-8","text":"I am consistent and truthful in my communications."},{"id":"transparency-9","text":"I maintain confidentiality appropriately."}],"kind":"value","name":"Transparency","text_source":"document"}],"criteria":[{"assessed_by":[],"category":"experience","id":"community-partnership-experience","requirement":"essential","text":"The Crime Prevention PCSO will have previous practical experience and knowledge of working within the community and partnership environments."},{"assessed_by":[],"category":"experience","id":"police-enforcement-experience","requirement":"desirable","text":"Ideally candidates will have previous experience and knowledge of working with the Police or an enforcement agency, or have worked within a framework of legislative responsibilities."},{"assessed_by":[],"category":"skill","id":"problem-solving-partners","requirement":"essential","text":"The post holder will have a good problem solving skills and be able to engage partners at different levels."},{"assessed_by":[],"category":"skill","id":"confident-community-engagement","requirement":"essential","text":"A confident approach to engaging with the community is essential in order to build productive relationships and provide reassurance through regular contact."},{"assessed_by":[],"category":"skill","id":"interpersonal-communication","requirement":"essential","text":"Strong interpersonal and communication skills are essential"},{"assessed_by":[],"category":"experience","id":"public-speaking-experience","requirement":"desirable","text":"experience of involvement in public meetings, public speaking or presentations would be an advantage."},{"assessed_by":[],"category":"experience","id":"social-media-experience","requirement":"desirable","text":"Previous experience of using Social Media would be an advantage, but not essential as training can be provided where necessary."},{"assessed_by":[],"category":"skill","id":"physically-fit","requirement":"essential","text":"Due to the nature of the work the individual must be physically fit and be capable of walking/standing for long periods of time."},{"assessed_by":[],"category":"qualification","id":"driving-licence","requirement":"essential","text":"The post holder must have a current driving licence."},{"assessed_by":[],"category":"technical-skill","id":"community-partnerships","level":"3","requirement":"","text":"Community Partnerships"},{"assessed_by":[],"category":"technical-skill","id":"crime-reduction-prevention","level":"3","requirement":"","text":"Crime Reduction/Prevention"},{"assessed_by":[],"category":"technical-skill","id":"drugs","level":"3","requirement":"","text":"Drugs"},{"assessed_by":[],"category":"technical-skill","id":"ecypm","level":"4","requirement":"","text":"ECYPM"},{"assessed_by":[],"category":"technical-skill","id":"first-aid","level":"3","requirement":"","text":"First Aid"},{"assessed_by":[],"category":"technical-skill","id":"health-safety","level":"3","requirement":"","text":"Health & Safety"},{"assessed_by":[],"category":"technical-skill","id":"incident-scene-management","level":"3","requirement":"","text":"Incident / Scene Management & Contl"},{"assessed_by":[],"category":"technical-skill","id":"information-management-technology","level":"3","requirement":"","text":"Information Management & Technology"},{"assessed_by":[],"category":"technical-skill","id":"intelligence-gathering-analysis","level":"3","requirement":"","text":"Intelligence Gathering & Analysis"},{"assessed_by":[],"category":"technical-skill","id":"interviewing-general","level":"3","requirement":"","text":"Interviewing - General"},{"assessed_by":[],"category":"technical-skill","id":"knowledge-legislation-policy","level":"4","requirement":"","text":"Knowledge of Legislation and Policy"},{"assessed_by":[],"category":"technical-skill","id":"mopi","level":"4","requirement":"","text":"Mgmt of Police Information (MOPI)"},{"assessed_by":[],"category":"technical-skill","id":"preventing-violent-extremism","level":"4","requirement":"","text":"Preventing Violent Extremism"},{"assessed_by":[],"category":"technical-skill","id":"risk-management","level":"3","requirement":"","text":"Risk Management"},{"assessed_by":[],"category":"technical-skill","id":"staff-safety","level":"3","requirement":"","text":"Staff Safety"},{"assessed_by":[],"category":"technical-skill","id":"victim-support","level":"4","requirement":"","text":"Victim Support"},{"assessed_by":[],"category":"technical-skill","id":"aa1-equality-diversity","level":"Accredited","requirement":"","text":"Promote equality and value diversity."}],"force":"Kent Police","force_source":"document","framework":"cvf-2016","grade":"Grade D","id":"kent-crime-prevention-pcso","interview_plan":[{"area":"analyse-critically","minimum":3,"question":"","weight":1},{"area":"collaborative","minimum":3,"question":"","weight":1},{"area":"deliver-support-inspire","minimum":3,"question":"","weight":1},{"area":"emotionally-aware","minimum":3,"question":"","weight":1},{"area":"innovative-open-minded","minimum":3,"question":"","weight":1},{"area":"ownership","minimum":3,"question":"","weight":1},{"area":"impartiality","minimum":3,"question":"","weight":1},{"area":"integrity","minimum":3,"question":"","weight":1},{"area":"public-service","minimum":3,"question":"","weight":1},{"area":"transparency","minimum":3,"question":"","weight":1}],"level":1,"outcome_rule":{"pass_mark_percent":60},"protective_marking":"OFFICIAL-SENSITIVE","retention_months":12,"role_title":"Crime Prevention PCSO","scale":{"id":"five-point","meets":3,"points":[{"descriptor":"Little or no evidence, or serious contrary evidence.","label":"1","name":"Unacceptable","value":1},{"descriptor":"Some evidence, but gaps or contrary evidence against key indicators.","label":"2","name":"Below requirements","value":2},{"descriptor":"Sound evidence of most indicators; no significant contrary evidence.","label":"3","name":"Meets requirements","value":3},{"descriptor":"Strong evidence of most indicators, some beyond the level expected.","label":"4","name":"Exceeds requirements","value":4},{"descriptor":"Strong, consistent evidence across the indicators; nothing contrary.","label":"5","name":"Outstanding","value":5}]},"source":{"date":"June 2019, Amended July 2019","file":"004_3d1ebce88dfb81d2.txt","title":"Job title: Crime Prevention PCSO"}}');
CREATE TABLE questions (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    area_id TEXT NOT NULL,
    question TEXT NOT NULL,
    PRIMARY KEY (session_id, area_id)
) WITHOUT ROWID;
CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    profile_id TEXT NOT NULL,
    snapshot TEXT NOT NULL REFERENCES profile_snapshots(digest),
    force TEXT NOT NULL,
    role_title TEXT NOT NULL,
    candidate_name TEXT NOT NULL,
    candidate_ref TEXT NOT NULL,
    date TEXT NOT NULL,
    venue TEXT NOT NULL DEFAULT '',
    chair_name TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('setup', 'scoring', 'consensus',
        'awaiting_signoff', 'signed', 'reopened', 'withdrawn')),
    version INTEGER NOT NULL DEFAULT 1,
    withdrawn_reason TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT 'incomplete',
    weighted_total INTEGER NOT NULL DEFAULT 0,
    percentage TEXT NOT NULL DEFAULT '',
    digest TEXT NOT NULL DEFAULT '',
    retention_months INTEGER NOT NULL,
    closed_at TEXT NOT NULL DEFAULT '',
    search TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
INSERT INTO "sessions" VALUES('069de36d903845149843d7f988af4a7c','kent-crime-prevention-pcso','af6d11bda392c3e7c68d98c11d5b5519715826b2ad505abec8e3bde356a798f6','Kent Police','Crime Prevention PCSO','Ffion Example','OLD-SIGNED','2025-03-03','Headquarters, Interview Room 1','Ann Chair','signed',1,'','pass',30,'60.0%','59405851b808883d7c77891e5b7d19c5120260f7da1cac0e4d5a99d3685de76c',12,'2025-03-03T09:00:40Z','ffion example old-signed ann chair bob member','2025-03-03T09:00:00Z','2025-03-03T09:00:40Z');
INSERT INTO "sessions" VALUES('4e02f921f7de4bfd84e803e272f18f83','kent-crime-prevention-pcso','af6d11bda392c3e7c68d98c11d5b5519715826b2ad505abec8e3bde356a798f6','Kent Police','Crime Prevention PCSO','Dylan Sample','OLD-V2','2025-03-03','Headquarters, Interview Room 1','Ann Chair','signed',2,'','pass',30,'60.0%','74ce0a9c7441a15c9a2e41889d03b8b37f18cc7749ccfe51421d902f8fe15a04',12,'2025-03-03T09:01:25Z','dylan sample old-v2 ann chair bob member','2025-03-03T09:00:41Z','2025-03-03T09:01:25Z');
INSERT INTO "sessions" VALUES('619c7606647849d4a8198ffdba3d32e9','kent-crime-prevention-pcso','af6d11bda392c3e7c68d98c11d5b5519715826b2ad505abec8e3bde356a798f6','Kent Police','Crime Prevention PCSO','Cerys Placeholder','OLD-PART','2025-03-03','Headquarters, Interview Room 1','Ann Chair','awaiting_signoff',1,'','pass',30,'60.0%','',12,'','cerys placeholder old-part ann chair bob member','2025-03-03T09:01:26Z','2025-03-03T09:02:05Z');
INSERT INTO "sessions" VALUES('e0bbdc077f684f2688532686e44b5202','kent-crime-prevention-pcso','af6d11bda392c3e7c68d98c11d5b5519715826b2ad505abec8e3bde356a798f6','Kent Police','Crime Prevention PCSO','Owen Invented','OLD-WD','2025-03-03','Headquarters, Interview Room 1','Ann Chair','withdrawn',1,'Did not attend','withdrawn',0,'','',12,'2025-03-03T09:02:07Z','owen invented old-wd ann chair bob member','2025-03-03T09:02:06Z','2025-03-03T09:02:07Z');
INSERT INTO "sessions" VALUES('eab8d229994145758a239b9c3f9d88e5','kent-crime-prevention-pcso','af6d11bda392c3e7c68d98c11d5b5519715826b2ad505abec8e3bde356a798f6','Kent Police','Crime Prevention PCSO','Nia Madeup','OLD-OPEN','2025-03-03','Headquarters, Interview Room 1','Ann Chair','scoring',1,'','incomplete',0,'0.0%','',12,'','nia madeup old-open ann chair bob member','2025-03-03T09:02:08Z','2025-03-03T09:02:09Z');
CREATE VIRTUAL TABLE sessions_fts USING fts5(search, content='sessions', content_rowid='rowid', tokenize='trigram');
INSERT INTO sessions_fts(sessions_fts) VALUES('rebuild');
CREATE TABLE sheets (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    digest TEXT NOT NULL,
    signed_at TEXT NOT NULL,
    content BLOB NOT NULL, -- zlib-compressed canonical JSON of the signed content
    PRIMARY KEY (session_id, version)
) WITHOUT ROWID;
INSERT INTO "sheets" VALUES('069de36d903845149843d7f988af4a7c',1,'59405851b808883d7c77891e5b7d19c5120260f7da1cac0e4d5a99d3685de76c','2025-03-03T09:00:40Z',X'789CED57DB8EDB3610FD154240D106B05289B664CB7D4A93B45DA01720C9538BC0188B239BA8442AA4B41B63919FE9AFE4C732A47CDBD85ACBDB3E16F083389C339C3973217D1FC0CA208A60FED77D0006219807A0A0DC580C73231B9943596E8251B0322030988F478181466A52A155107C1AED61B92E4B586AB77D8B8310024B5235A16DEB5A9B2694CAD6D20CC362A5BB8D7213C21D0C4449A5F4AD7730D435AAB0924A50F043A0FA4EA1B16B590F3BA8AAC134124AD90C634FAA065766A876DD2E4B998716CDADCC8785DE18207A69A1F2C7CE783FF28085D20DDA8B555161B54443BB554C2B87A1EF972582616FDFBD78C3F023547589ECBB174AB1976B90E6D9B14F176CF2C76DFEA897EC37AFFCCCFB9D83125280D3BF0F14540EF75341B1B1D71D84CC192CD051E0F6FEF8F555F8F6E6E7DF5FBF229F820E18F088276134A61F6917DA54D038BE73AB439722E21BEF422B570A45986B92A8E6FB78C7E765C20EB41F5337A88B7A00439AA807FA780FF5807A2BBB4FFF72CBF522CFB5448FF2F9F6EC517EA47D7A10BDDDD3A33F38F9FCDAE4F3A7279F3F25F9FCCAE4F327279F5F937C7E4DF2F9D5C9E757269FFB095481F9BB9B017909D6CA8252EF48F699AAB4B264A9F1F1130F6E4F9BB3B512C6BDB315CA0A056BD6C884B475DBE00FCC4A208FB410ECF33FDF1A966FAA8DD02B16F9104E1C7143CB80D95C7682F73971DEF0BF89903F29C2F8BC23AE44CBABE3E3C7F1512E75DBE4BAF277494D072C5C6E17359A9C267E304FA351B05DC0CA61D2E879F48DBF60C0120D5404EFDDC2B6A5BF3FC8026DDEA15CAD891E32F6319827D191A4D10D945454115D4535282C7D1949B1A7BEBBCFF6F7A813B55BDFE328722A46FB3B3CF7DB8E990ECD0FE8C38D790CE751C40FF02D238E82DAE8427A2114A988E3A58071C6F3314EF37426B2591EC7225926499C4DE364C6D325079144092C319FE17829709CA430CD66454AE63FB4685D82AC63F4CC7824DA475F0D402FEA1B717EF3748879F18331D549CE0FA2EDDE6ED4F8E56198F8E557E3C2CB1E0C04DF0F81452A42AD169EF328CD28F85464D1783649E249369B8CC5B4C86633282630CDC9847B42E8A2E8A685402A62B3ABDF1B463D5A4853511340E33B016FA570AF96117B58ED96D19B87756F0F6630D786A2626B7AE2B0960234ACDA30977B46BEBA6F8A6DC42AD2662E7E2282AC52AF782B05958DFB5C0151DC1DBB6F20CB74411269D9B626461EB2F7AFFB13B173C46D6DDBC71FDCACB545AFE72B7BABFDFC64BC54489A8EBF6653FB19E24882A635B8A8D56AB14C271DFDDDF36BE15F6687F7DABB289B47D17C9CFDE932E42C2C4E9AC675C5FF6457FCBF227B129D907D3463DC0CB945D53AF12F08E2434B5D49BD356237BBA7347BA375C55CF2A9C7AD4F49FCE90B20AED2C7');
INSERT INTO "sheets" VALUES('4e02f921f7de4bfd84e803e272f18f83',1,'1006500aa8e30d56a2b4924cc416224bc0a739c47aac95937406989c1abf848e','2025-03-03T09:01:21Z',X'789CED57DB8EDB3610FD154240D1069052895E5FFB94260F0DD0A24012F4A145608CC4914D54221592F2C658E467FA2BFDB10E29DF36B6D6F2B68F05FC2092738633672E1C3F44B03288225AFCF110814188161128A8B61693C248270BA8AA6D14472B0302A3C5288E0C38A949845651F4253EC00A5D55906B7FBCC141088115899AC4B64DA38D4BA4B28D34C3B058EBEEA0DA26700F03515229BD090626BA4195D45209727E0854DF2B34762D9B6117D50D1827A1926E187B52395C99A1D24D9B57B2482C9A8D2C86B9EE0C10BDB450C553777C8C0360A9B4437B352B6AAC7334745A67B4F218FA7E5D2118F6FEC3AB770C3F43DD54C8BE7BA5147BBD06695E9CDA7445277F5AE78F3A67BF04E117C1EE02949002BCFC43A4A0F6B837DB0A147B1F10A4CD60899E017FF4EBCF6F92DF389913759888A77C9CA423FA9164A94D0DCE535D589DF8E810D5789F58B952289242D38E72DF677B2AAF737564FC94B54105D40318523F3DD0A7CBA707D49BD47DF2D7ABAD1779A91A7A842F57668FF01395D383E82D9C1EF9C1C1E7B7069F3F3FF8FC39C1E737069F3F3BF8FC96E0F35B82CF6F0E3EBF31F83C349F1ACC9F5D0F282AB05696147A4F728854AD95254D2EF84F3CF8336D2EE64A92F5B655A86A14CCAD9109699BD6E10FCC4A208BB410ECEFBFBE35ACD8D65BA1572C0D2E9C19E29B9601B3BD6E04EF33E2B2E27FE3217F9687D965437C8A5637FBC74FFDA358EAD615BA0ECF4843172C7D6C970D9A823A7EB498A471B45BC0CA6326E9CBF49BF0B880251A28093EFA856DABF07E90063ABC47B95A133DA4EC73B418A7273B4E3BA828A9527A8A1A5058853492E2407DF7941D9E50BFD5EE6CCFD2D48B181D9EEF221C7B663A343FA28F8FE5299CA7293FC2778C780A1AA34B1936A19C882CCB058CE6BC18E1B498CCC47C56649918E7E371369F66E3199FE41CC4381D438EC50C47B9C0D17802D3F9AC9C90FA4F2D5A1F20EB19BDD01E89F6F8AB0618B6FA5A5C383C6F6261FB519BEA762E37A2DDD9BED584E5B19984E557ED22EC3D6A08A11E228B94845A2D03E77798F272CEB3722AF02E2FC5EC0E67E908F99497D9AC9CF9D1C28F10BA2CBB6E219092D8ECF3F72DA31A2DA5A9A908C0854AC08D147E6289D9E36CB78CC61DD6CD1ECC60A10D79C5D634DEB0961C34ACDE321F7B46B6FA6FF22D66354933EF3F11415AA956829692D2C67FAE8028EEAE3D149065BAA41D69D92E27E20039D8D7FD7FD81BE28F76E5132E766B6D31C885CCDE49BF3C6B2F3592A4E7CF6D9BD0433C49E05A83CB46AD96F9E4AEA3BF1BBF9661323BCE6B1FD2F922CD163CFDDD47C86B589E158DAF8AFFC9AEF97F46767646F6498FF13D6483AAF5DB3F21884F2D5525D556CCDEEE4769F64EEB9AF9E0538DDB1092ECCB3F5F34D1A8');
INSERT INTO "sheets" VALUES('4e02f921f7de4bfd84e803e272f18f83',2,'74ce0a9c7441a15c9a2e41889d03b8b37f18cc7749ccfe51421d902f8fe15a04','2025-03-03T09:01:25Z',X'789CED57DDAEDB360C7E15C1C0B015883B5B39CEDFAEBAF66205360C688B5D6C2802DAA21361B6E44A724E8383BECC5E652F364ACEDF69E213E76C970372615124257EE447310F11AC0CA288167F3C446010A245040AAAADC5B830D2C902AA6A1B8DA2950181D1623C8A0C38A949855651F46574302B745541AEFDF606075908AC48D5C4B66D1A6D5C2C956DA419668BB5EE36AA6D0CF730D04A2AA537E182B16E50C5B55482821F62AAEF151ABB96CDB083EA068C935049370C3DA91CAECC50EDA6CD2B59C416CD4616C3427706085E5AA8E2A9333E8E82C1526987F66A55D458E76868B74E69E56DE8FB758560D8FB0FAFDE31FC0C755321FBEE9552ECF51AA479717AA72B3EF9D33E7FD439FB2528BF08F72E400929C0EB3F440A6A6FF7665B8162EF8305793358A247C06FFDFAF39BF8374ED7893A9B88273C8B9331FD48B3D4A606E7A12EAC8E7D76086ABC8FAD5C291471A149A2DCF7E91ECAEB581D113F456D10817A0C86F0A7C7F469FAF418F516759FFE75B6F55A5E62438FF26566F6283FC19C1E8B5EE2F4E80F4E3EBF35F9FCF9C9E7CF493EBF31F9FCD9C9E7B7249FDF927C7E73F2F98DC9E7A1F9D460FEEC7A405181B5B2A4D47B9043A66AAD2C7972217EC2C1EF6973B156E2B4B7AD6A63B0201F2C08FC25CF8EF26DC980D95E3F86F71D73D9F1BF89E1B48D435553006E8D4C48DBB40E7F605602A1AA85607FFFF5AD61C5B6DE0ABD62E9E58BF822AC6E8E8F9FC647D9D2AD2B741D1E8A860E58FAEC2D1B3405F5F468314946D16E012B6F33495E26DF84E7032CC14069FEE817B6ADC20B411E68F31EE56A4DF090B3CFD1224B4E244E3BA8A86C127A6C1A5058854291E2007DF7581D1E492F6A77774F93C4AB181D1EE8226C7B643A6B7EB43E3E87A7E63C49F8D17C878887A031BA944108E544A4692E603CE7C518A7C56426E6B3224D459667593A9FA6D98C4F720E224B32C8B198E1381738CE26309DCFCA09B9FFD4A2F509B21ED10B0D90601F7DD5E282A8AF8985CDF33615C48F1A5127B9DC6A767BFB661296C77611965F3584207B44F9C087C82215A156CB80F91D26BC9CF3B49C0ABCCB4B31BBC35932463EE5653A2B677E78F043822ECBAE1F08A42236FBFA7DCB88A3A5343591005C60026EA4F033C9883DAE76CB68A061DD74C188FADA50546C4D030C6B2940C3EA2DF3B9677457FF4DB18D584DDACCC74F409057E24AF05252D9F8CF1510C4DDB1070259A64B9248CB7635310A2687FB75FF10F617F15B3BFA8483DD5A5B0C7AA1B277DA2FCFDA4B8DA4E9F173DB26F4100F12B8D6E0B251AB653EB9EBE0EF06AC6598BD8E13D98764BE48D205BFFBDD67C87B589E91C6B3E27FB06BFE9F819D9D817DD2637C0FD9A06ABDF82704F1A9255612B746ECED7E5866EFB4AE994F3E71DC8694F02FFF009D33C6CD');
CREATE TABLE signoffs (
    session_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    member_id TEXT NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('typed', 'drawn')),
    typed_name TEXT NOT NULL DEFAULT '',
    signature_png TEXT NOT NULL DEFAULT '',
    declaration TEXT NOT NULL,
    signed_at TEXT NOT NULL,
    PRIMARY KEY (session_id, version, member_id),
    FOREIGN KEY (session_id, member_id) REFERENCES members(session_id, member_id)
        ON DELETE CASCADE
) WITHOUT ROWID;
INSERT INTO "signoffs" VALUES('069de36d903845149843d7f988af4a7c',1,'m1','typed','Ann Chair','','I confirm that the evidence, classifications and grades recorded here under my name are my own, made independently and fairly against the indicators of this profile, and that the agreed grades and outcome are those the panel agreed.','2025-03-03T09:00:39Z');
INSERT INTO "signoffs" VALUES('069de36d903845149843d7f988af4a7c',1,'m2','typed','Bob Member','','I confirm that the evidence, classifications and grades recorded here under my name are my own, made independently and fairly against the indicators of this profile, and that the agreed grades and outcome are those the panel agreed.','2025-03-03T09:00:40Z');
INSERT INTO "signoffs" VALUES('4e02f921f7de4bfd84e803e272f18f83',1,'m1','typed','Ann Chair','','I confirm that the evidence, classifications and grades recorded here under my name are my own, made independently and fairly against the indicators of this profile, and that the agreed grades and outcome are those the panel agreed.','2025-03-03T09:01:20Z');
INSERT INTO "signoffs" VALUES('4e02f921f7de4bfd84e803e272f18f83',1,'m2','typed','Bob Member','','I confirm that the evidence, classifications and grades recorded here under my name are my own, made independently and fairly against the indicators of this profile, and that the agreed grades and outcome are those the panel agreed.','2025-03-03T09:01:21Z');
INSERT INTO "signoffs" VALUES('4e02f921f7de4bfd84e803e272f18f83',2,'m1','typed','Ann Chair','','I confirm that the evidence, classifications and grades recorded here under my name are my own, made independently and fairly against the indicators of this profile, and that the agreed grades and outcome are those the panel agreed.','2025-03-03T09:01:24Z');
INSERT INTO "signoffs" VALUES('4e02f921f7de4bfd84e803e272f18f83',2,'m2','typed','Bob Member','','I confirm that the evidence, classifications and grades recorded here under my name are my own, made independently and fairly against the indicators of this profile, and that the agreed grades and outcome are those the panel agreed.','2025-03-03T09:01:25Z');
INSERT INTO "signoffs" VALUES('619c7606647849d4a8198ffdba3d32e9',1,'m1','typed','Ann Chair','','I confirm that the evidence, classifications and grades recorded here under my name are my own, made independently and fairly against the indicators of this profile, and that the agreed grades and outcome are those the panel agreed.','2025-03-03T09:02:05Z');
CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"
    ON "_sqlite_migrations" ("migration_set", "name");
CREATE INDEX audit_session ON audit(session_id, id);
CREATE INDEX sessions_date ON sessions(date, created_at);
CREATE INDEX sessions_status ON sessions(status, date);
CREATE INDEX sessions_profile ON sessions(profile_id, date);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER sheets_no_update BEFORE UPDATE ON sheets
BEGIN SELECT RAISE(ABORT, 'a signed sheet never changes'); END;
CREATE TRIGGER sheets_no_delete BEFORE DELETE ON sheets
WHEN EXISTS (SELECT 1 FROM sessions WHERE id = OLD.session_id)
BEGIN SELECT RAISE(ABORT, 'a signed sheet never changes'); END;
CREATE TRIGGER snapshots_no_update BEFORE UPDATE ON profile_snapshots
BEGIN SELECT RAISE(ABORT, 'a profile snapshot never changes'); END;
CREATE TRIGGER sessions_locked_update BEFORE UPDATE ON sessions
WHEN OLD.status IN ('signed', 'withdrawn') AND (NEW.status != 'reopened' OR NEW.id IS NOT OLD.id OR NEW.profile_id IS NOT OLD.profile_id OR NEW.snapshot IS NOT OLD.snapshot OR NEW.candidate_name IS NOT OLD.candidate_name OR NEW.candidate_ref IS NOT OLD.candidate_ref OR NEW.date IS NOT OLD.date OR NEW.venue IS NOT OLD.venue OR NEW.withdrawn_reason IS NOT OLD.withdrawn_reason OR NEW.outcome IS NOT OLD.outcome OR NEW.weighted_total IS NOT OLD.weighted_total OR NEW.percentage IS NOT OLD.percentage OR NEW.digest IS NOT OLD.digest OR NEW.closed_at IS NOT OLD.closed_at OR NEW.force IS NOT OLD.force OR NEW.role_title IS NOT OLD.role_title OR NEW.chair_name IS NOT OLD.chair_name OR NEW.search IS NOT OLD.search OR NEW.retention_months IS NOT OLD.retention_months)
BEGIN SELECT RAISE(ABORT, 'this session is signed off or withdrawn and locked'); END;
CREATE TRIGGER sessions_retained BEFORE DELETE ON sessions
WHEN OLD.status NOT IN ('signed', 'withdrawn')
  OR OLD.closed_at = ''
  OR date(OLD.closed_at, '+' || OLD.retention_months || ' months') > date('now')
BEGIN SELECT RAISE(ABORT, 'a session can only be deleted once closed and past its retention period'); END;
CREATE TRIGGER members_locked_insert BEFORE INSERT ON members WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) IN ('signed', 'withdrawn') BEGIN SELECT RAISE(ABORT, 'this session is signed off or withdrawn and locked'); END;
CREATE TRIGGER members_locked_update BEFORE UPDATE ON members WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) IN ('signed', 'withdrawn') BEGIN SELECT RAISE(ABORT, 'this session is signed off or withdrawn and locked'); END;
CREATE TRIGGER members_locked_update_new BEFORE UPDATE ON members WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) IN ('signed', 'withdrawn') BEGIN SELECT RAISE(ABORT, 'this session is signed off or withdrawn and locked'); END;
CREATE TRIGGER members_locked_delete BEFORE DELETE ON members WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) IN ('signed', 'withdrawn') BEGIN SELECT RAISE(ABORT, 'this session is signed off or withdrawn and locked'); END;
CREATE TRIGGER questions_locked_insert BEFORE INSERT ON questions WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) IN ('signed', 'withdrawn') BEGIN SELECT RAISE(ABORT, 'this session is signed off or withdrawn and locked'); END;
CREATE TRIGGER questions_locked_update BEFORE UPDATE ON questions WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) IN ('signed', 'withdrawn') BEGIN SELECT RAISE(ABORT, 'this session is signed off or withdrawn and locked'); END;
CREATE TRIGGER questions_locked_update_new BEFORE UPDATE ON questions WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) IN ('signed', 'withdrawn') BEGIN SELECT RAISE(ABORT, 'this session is signed off or withdrawn and locked'); END;
CREATE TRIGGER questions_locked_delete BEFORE DELETE ON questions WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) IN ('signed', 'withdrawn') BEGIN SELECT RAISE(ABORT, 'this session is signed off or withdrawn and locked'); END;
CREATE TRIGGER marks_locked_insert BEFORE INSERT ON marks WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) IN ('signed', 'withdrawn') BEGIN SELECT RAISE(ABORT, 'this session is signed off or withdrawn and locked'); END;
CREATE TRIGGER marks_locked_update BEFORE UPDATE ON marks WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) IN ('signed', 'withdrawn') BEGIN SELECT RAISE(ABORT, 'this session is signed off or withdrawn and locked'); END;
CREATE TRIGGER marks_locked_update_new BEFORE UPDATE ON marks WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) IN ('signed', 'withdrawn') BEGIN SELECT RAISE(ABORT, 'this session is signed off or withdrawn and locked'); END;
CREATE TRIGGER marks_locked_delete BEFORE DELETE ON marks WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) IN ('signed', 'withdrawn') BEGIN SELECT RAISE(ABORT, 'this session is signed off or withdrawn and locked'); END;
CREATE TRIGGER area_notes_locked_insert BEFORE INSERT ON area_notes WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) IN ('signed', 'withdrawn') BEGIN SELECT RAISE(ABORT, 'this session is signed off or withdrawn and locked'); END;
CREATE TRIGGER area_notes_locked_update BEFORE UPDATE ON area_notes WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) IN ('signed', 'withdrawn') BEGIN SELECT RAISE(ABORT, 'this session is signed off or withdrawn and locked'); END;
CREATE TRIGGER area_notes_locked_update_new BEFORE UPDATE ON area_notes WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) IN ('signed', 'withdrawn') BEGIN SELECT RAISE(ABORT, 'this session is signed off or withdrawn and locked'); END;
CREATE TRIGGER area_notes_locked_delete BEFORE DELETE ON area_notes WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) IN ('signed', 'withdrawn') BEGIN SELECT RAISE(ABORT, 'this session is signed off or withdrawn and locked'); END;
CREATE TRIGGER grades_locked_insert BEFORE INSERT ON grades WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) IN ('signed', 'withdrawn') BEGIN SELECT RAISE(ABORT, 'this session is signed off or withdrawn and locked'); END;
CREATE TRIGGER grades_locked_update BEFORE UPDATE ON grades WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) IN ('signed', 'withdrawn') BEGIN SELECT RAISE(ABORT, 'this session is signed off or withdrawn and locked'); END;
CREATE TRIGGER grades_locked_update_new BEFORE UPDATE ON grades WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) IN ('signed', 'withdrawn') BEGIN SELECT RAISE(ABORT, 'this session is signed off or withdrawn and locked'); END;
CREATE TRIGGER grades_locked_delete BEFORE DELETE ON grades WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) IN ('signed', 'withdrawn') BEGIN SELECT RAISE(ABORT, 'this session is signed off or withdrawn and locked'); END;
CREATE TRIGGER agreed_locked_insert BEFORE INSERT ON agreed WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) IN ('signed', 'withdrawn') BEGIN SELECT RAISE(ABORT, 'this session is signed off or withdrawn and locked'); END;
CREATE TRIGGER agreed_locked_update BEFORE UPDATE ON agreed WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) IN ('signed', 'withdrawn') BEGIN SELECT RAISE(ABORT, 'this session is signed off or withdrawn and locked'); END;
CREATE TRIGGER agreed_locked_update_new BEFORE UPDATE ON agreed WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) IN ('signed', 'withdrawn') BEGIN SELECT RAISE(ABORT, 'this session is signed off or withdrawn and locked'); END;
CREATE TRIGGER agreed_locked_delete BEFORE DELETE ON agreed WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) IN ('signed', 'withdrawn') BEGIN SELECT RAISE(ABORT, 'this session is signed off or withdrawn and locked'); END;
CREATE TRIGGER signoffs_locked_insert BEFORE INSERT ON signoffs WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) IN ('signed', 'withdrawn') BEGIN SELECT RAISE(ABORT, 'this session is signed off or withdrawn and locked'); END;
CREATE TRIGGER signoffs_locked_update BEFORE UPDATE ON signoffs WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) IN ('signed', 'withdrawn') BEGIN SELECT RAISE(ABORT, 'this session is signed off or withdrawn and locked'); END;
CREATE TRIGGER signoffs_locked_update_new BEFORE UPDATE ON signoffs WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) IN ('signed', 'withdrawn') BEGIN SELECT RAISE(ABORT, 'this session is signed off or withdrawn and locked'); END;
CREATE TRIGGER signoffs_locked_delete BEFORE DELETE ON signoffs WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) IN ('signed', 'withdrawn') BEGIN SELECT RAISE(ABORT, 'this session is signed off or withdrawn and locked'); END;
CREATE INDEX sessions_ref ON sessions(candidate_ref);
CREATE INDEX sessions_outcome ON sessions(outcome, date);
CREATE INDEX sessions_list ON sessions(date, created_at, id, search);
CREATE TRIGGER sessions_fts_insert AFTER INSERT ON sessions BEGIN
                INSERT INTO sessions_fts(rowid, search) VALUES (NEW.rowid, NEW.search);
            END;
CREATE TRIGGER sessions_fts_delete AFTER DELETE ON sessions BEGIN
                INSERT INTO sessions_fts(sessions_fts, rowid, search)
                VALUES ('delete', OLD.rowid, OLD.search);
            END;
CREATE TRIGGER sessions_fts_update AFTER UPDATE OF search ON sessions BEGIN
                INSERT INTO sessions_fts(sessions_fts, rowid, search)
                VALUES ('delete', OLD.rowid, OLD.search);
                INSERT INTO sessions_fts(rowid, search) VALUES (NEW.rowid, NEW.search);
            END;
DELETE FROM "sqlite_sequence";
INSERT INTO "sqlite_sequence" VALUES('audit',148);
COMMIT;
