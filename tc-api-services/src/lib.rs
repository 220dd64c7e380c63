//! Annotated Tencent Cloud action definitions, one module per service and version, each
//! behind a cargo feature of the service's name (all on by default).
//!
//! | module | API | feature |
//! |---|---|---|
//! | [`tcmpp::v20240801`] | 3.0, 2024-08-01 | `tcmpp` |
//! | [`tcb::v20180608`] | 3.0, 2018-06-08 | `tcb` |
//! | [`iotexplorer::v20190423`] | 3.0, 2019-04-23 | `iotexplorer` |
//! | [`tcsas::v20250106`] | 3.0, 2025-01-06 | `tcsas` |
//! | [`apigateway::v2`] | 2.0 | `apigateway` |
//!
//! Every action is a plain struct of its parameters; send it with
//! `tc_api_core::Client::send` and get its typed response. Each version module also holds
//! `ACTIONS` (the metadata of its actions) and `examples` (the documented examples as
//! data, see [`doc_example`]).
//!
//! Response fields are all `Option`, as in the official SDKs: services add, drop and null
//! fields over time, and one missing field should not make a whole answer unreadable.
//! Request fields are `Option` exactly when the document calls them optional.

#![warn(missing_docs)]

#[cfg(feature = "cli")]
pub mod cli;
pub mod doc_example;
#[cfg(feature = "emulator")]
pub mod emulator;

// @generated begin modules
#[cfg(feature = "aai")]
pub mod aai;
#[cfg(feature = "aca")]
pub mod aca;
#[cfg(feature = "acp")]
pub mod acp;
#[cfg(feature = "adp")]
pub mod adp;
#[cfg(feature = "advisor")]
pub mod advisor;
#[cfg(feature = "af")]
pub mod af;
#[cfg(feature = "afc")]
pub mod afc;
#[cfg(feature = "ags")]
pub mod ags;
#[cfg(feature = "ai3d")]
pub mod ai3d;
#[cfg(feature = "aiart")]
pub mod aiart;
#[cfg(feature = "alb")]
pub mod alb;
#[cfg(feature = "ame")]
pub mod ame;
#[cfg(feature = "ams")]
pub mod ams;
#[cfg(feature = "anicloud")]
pub mod anicloud;
#[cfg(feature = "antiddos")]
pub mod antiddos;
#[cfg(feature = "ape")]
pub mod ape;
#[cfg(feature = "api")]
pub mod api;
#[cfg(any(feature = "seeded", feature = "apigateway"))]
pub mod apigateway;
#[cfg(feature = "apis")]
pub mod apis;
#[cfg(feature = "apm")]
pub mod apm;
#[cfg(feature = "asr")]
pub mod asr;
#[cfg(feature = "asw")]
pub mod asw;
#[cfg(feature = "autoscaling")]
pub mod autoscaling;
#[cfg(feature = "ba")]
pub mod ba;
#[cfg(feature = "batch")]
pub mod batch;
#[cfg(feature = "bda")]
pub mod bda;
#[cfg(feature = "bdrc")]
pub mod bdrc;
#[cfg(feature = "bh")]
pub mod bh;
#[cfg(feature = "bi")]
pub mod bi;
#[cfg(feature = "billing")]
pub mod billing;
#[cfg(feature = "bizlive")]
pub mod bizlive;
#[cfg(feature = "bm")]
pub mod bm;
#[cfg(feature = "bma")]
pub mod bma;
#[cfg(feature = "bmeip")]
pub mod bmeip;
#[cfg(feature = "bmlb")]
pub mod bmlb;
#[cfg(feature = "bmvpc")]
pub mod bmvpc;
#[cfg(feature = "bpaas")]
pub mod bpaas;
#[cfg(feature = "bri")]
pub mod bri;
#[cfg(feature = "bsca")]
pub mod bsca;
#[cfg(feature = "btoe")]
pub mod btoe;
#[cfg(feature = "ca")]
pub mod ca;
#[cfg(feature = "cam")]
pub mod cam;
#[cfg(feature = "captcha")]
pub mod captcha;
#[cfg(feature = "car")]
pub mod car;
#[cfg(feature = "cat")]
pub mod cat;
#[cfg(feature = "cbs")]
pub mod cbs;
#[cfg(feature = "ccc")]
pub mod ccc;
#[cfg(feature = "cdb")]
pub mod cdb;
#[cfg(feature = "cdc")]
pub mod cdc;
#[cfg(feature = "cdn")]
pub mod cdn;
#[cfg(feature = "cds")]
pub mod cds;
#[cfg(feature = "cdwch")]
pub mod cdwch;
#[cfg(feature = "cdwdoris")]
pub mod cdwdoris;
#[cfg(feature = "cdwpg")]
pub mod cdwpg;
#[cfg(feature = "cdz")]
pub mod cdz;
#[cfg(feature = "cetcd")]
pub mod cetcd;
#[cfg(feature = "cfg")]
pub mod cfg;
#[cfg(feature = "cfs")]
pub mod cfs;
#[cfg(feature = "cfw")]
pub mod cfw;
#[cfg(feature = "chc")]
pub mod chc;
#[cfg(feature = "chdfs")]
pub mod chdfs;
#[cfg(feature = "ciam")]
pub mod ciam;
#[cfg(feature = "cii")]
pub mod cii;
#[cfg(feature = "cim")]
pub mod cim;
#[cfg(feature = "ckafka")]
pub mod ckafka;
#[cfg(feature = "clb")]
pub mod clb;
#[cfg(feature = "cloudapp")]
pub mod cloudapp;
#[cfg(feature = "cloudaudit")]
pub mod cloudaudit;
#[cfg(feature = "cloudhsm")]
pub mod cloudhsm;
#[cfg(feature = "cloudmate")]
pub mod cloudmate;
#[cfg(feature = "cloudrc")]
pub mod cloudrc;
#[cfg(feature = "cloudstudio")]
pub mod cloudstudio;
#[cfg(feature = "cls")]
pub mod cls;
#[cfg(feature = "cme")]
pub mod cme;
#[cfg(feature = "cmq")]
pub mod cmq;
#[cfg(feature = "cms")]
pub mod cms;
#[cfg(feature = "cngw")]
pub mod cngw;
#[cfg(feature = "config")]
pub mod config;
#[cfg(feature = "controlcenter")]
pub mod controlcenter;
#[cfg(feature = "cpdp")]
pub mod cpdp;
#[cfg(feature = "csip")]
pub mod csip;
#[cfg(feature = "csxg")]
pub mod csxg;
#[cfg(feature = "ctem")]
pub mod ctem;
#[cfg(feature = "ctsdb")]
pub mod ctsdb;
#[cfg(feature = "cvm")]
pub mod cvm;
#[cfg(feature = "cwp")]
pub mod cwp;
#[cfg(feature = "cws")]
pub mod cws;
#[cfg(feature = "cynosdb")]
pub mod cynosdb;
#[cfg(feature = "dasb")]
pub mod dasb;
#[cfg(feature = "dataagent")]
pub mod dataagent;
#[cfg(feature = "databuddy")]
pub mod databuddy;
#[cfg(feature = "dataintegration")]
pub mod dataintegration;
#[cfg(feature = "dayu")]
pub mod dayu;
#[cfg(feature = "dbbrain")]
pub mod dbbrain;
#[cfg(feature = "dbdc")]
pub mod dbdc;
#[cfg(feature = "dbs")]
pub mod dbs;
#[cfg(feature = "dc")]
pub mod dc;
#[cfg(feature = "dcdb")]
pub mod dcdb;
#[cfg(feature = "dlc")]
pub mod dlc;
#[cfg(feature = "dms")]
pub mod dms;
#[cfg(feature = "dnspod")]
pub mod dnspod;
#[cfg(feature = "domain")]
pub mod domain;
#[cfg(feature = "drm")]
pub mod drm;
#[cfg(feature = "ds")]
pub mod ds;
#[cfg(feature = "dsgc")]
pub mod dsgc;
#[cfg(feature = "dts")]
pub mod dts;
#[cfg(feature = "eb")]
pub mod eb;
#[cfg(feature = "ecc")]
pub mod ecc;
#[cfg(feature = "ecdn")]
pub mod ecdn;
#[cfg(feature = "ecm")]
pub mod ecm;
#[cfg(feature = "edgezone")]
pub mod edgezone;
#[cfg(feature = "eiam")]
pub mod eiam;
#[cfg(feature = "eis")]
pub mod eis;
#[cfg(feature = "emr")]
pub mod emr;
#[cfg(feature = "es")]
pub mod es;
#[cfg(feature = "ess")]
pub mod ess;
#[cfg(feature = "essbasic")]
pub mod essbasic;
#[cfg(feature = "evt")]
pub mod evt;
#[cfg(feature = "facefusion")]
pub mod facefusion;
#[cfg(feature = "faceid")]
pub mod faceid;
#[cfg(feature = "fmu")]
pub mod fmu;
#[cfg(feature = "ft")]
pub mod ft;
#[cfg(feature = "fwm")]
pub mod fwm;
#[cfg(feature = "ga2")]
pub mod ga2;
#[cfg(feature = "gaap")]
pub mod gaap;
#[cfg(feature = "gme")]
pub mod gme;
#[cfg(feature = "goosefs")]
pub mod goosefs;
#[cfg(feature = "gpm")]
pub mod gpm;
#[cfg(feature = "gs")]
pub mod gs;
#[cfg(feature = "gse")]
pub mod gse;
#[cfg(feature = "gwlb")]
pub mod gwlb;
#[cfg(feature = "habo")]
pub mod habo;
#[cfg(feature = "hai")]
pub mod hai;
#[cfg(feature = "hasim")]
pub mod hasim;
#[cfg(feature = "hcm")]
pub mod hcm;
#[cfg(feature = "hunyuan")]
pub mod hunyuan;
#[cfg(feature = "iai")]
pub mod iai;
#[cfg(feature = "iap")]
pub mod iap;
#[cfg(feature = "ic")]
pub mod ic;
#[cfg(feature = "icr")]
pub mod icr;
#[cfg(feature = "ie")]
pub mod ie;
#[cfg(feature = "ig")]
pub mod ig;
#[cfg(feature = "igtm")]
pub mod igtm;
#[cfg(feature = "ims")]
pub mod ims;
#[cfg(feature = "intlpartnersmgt")]
pub mod intlpartnersmgt;
#[cfg(feature = "ioa")]
pub mod ioa;
#[cfg(feature = "iot")]
pub mod iot;
#[cfg(feature = "iotcloud")]
pub mod iotcloud;
#[cfg(any(feature = "seeded", feature = "iotexplorer"))]
pub mod iotexplorer;
#[cfg(feature = "iotvideo")]
pub mod iotvideo;
#[cfg(feature = "iotvideoindustry")]
pub mod iotvideoindustry;
#[cfg(feature = "ip")]
pub mod ip;
#[cfg(feature = "irp")]
pub mod irp;
#[cfg(feature = "iss")]
pub mod iss;
#[cfg(feature = "ivld")]
pub mod ivld;
#[cfg(feature = "keewidb")]
pub mod keewidb;
#[cfg(feature = "kms")]
pub mod kms;
#[cfg(feature = "lcic")]
pub mod lcic;
#[cfg(feature = "lighthouse")]
pub mod lighthouse;
#[cfg(feature = "live")]
pub mod live;
#[cfg(feature = "lke")]
pub mod lke;
#[cfg(feature = "lkeap")]
pub mod lkeap;
#[cfg(feature = "lowcode")]
pub mod lowcode;
#[cfg(feature = "mall")]
pub mod mall;
#[cfg(feature = "mariadb")]
pub mod mariadb;
#[cfg(feature = "market")]
pub mod market;
#[cfg(feature = "mdc")]
pub mod mdc;
#[cfg(feature = "mdl")]
pub mod mdl;
#[cfg(feature = "mdp")]
pub mod mdp;
#[cfg(feature = "memcached")]
pub mod memcached;
#[cfg(feature = "message")]
pub mod message;
#[cfg(feature = "mmps")]
pub mod mmps;
#[cfg(feature = "mna")]
pub mod mna;
#[cfg(feature = "mongodb")]
pub mod mongodb;
#[cfg(feature = "monitor")]
pub mod monitor;
#[cfg(feature = "mps")]
pub mod mps;
#[cfg(feature = "mqtt")]
pub mod mqtt;
#[cfg(feature = "mrs")]
pub mod mrs;
#[cfg(feature = "ms")]
pub mod ms;
#[cfg(feature = "msp")]
pub mod msp;
#[cfg(feature = "nlp")]
pub mod nlp;
#[cfg(feature = "npp")]
pub mod npp;
#[cfg(feature = "oceanus")]
pub mod oceanus;
#[cfg(feature = "ocr")]
pub mod ocr;
#[cfg(feature = "omics")]
pub mod omics;
#[cfg(feature = "organization")]
pub mod organization;
#[cfg(feature = "partners")]
pub mod partners;
#[cfg(feature = "portal")]
pub mod portal;
#[cfg(feature = "postgres")]
pub mod postgres;
#[cfg(feature = "privatedns")]
pub mod privatedns;
#[cfg(feature = "pts")]
pub mod pts;
#[cfg(feature = "quota")]
pub mod quota;
#[cfg(feature = "rce")]
pub mod rce;
#[cfg(feature = "redis")]
pub mod redis;
#[cfg(feature = "region")]
pub mod region;
#[cfg(feature = "rum")]
pub mod rum;
#[cfg(feature = "scf")]
pub mod scf;
#[cfg(feature = "securitylake")]
pub mod securitylake;
#[cfg(feature = "ses")]
pub mod ses;
#[cfg(feature = "smh")]
pub mod smh;
#[cfg(feature = "smop")]
pub mod smop;
#[cfg(feature = "sms")]
pub mod sms;
#[cfg(feature = "soe")]
pub mod soe;
#[cfg(feature = "sqlserver")]
pub mod sqlserver;
#[cfg(feature = "ssa")]
pub mod ssa;
#[cfg(feature = "ssl")]
pub mod ssl;
#[cfg(feature = "sslpod")]
pub mod sslpod;
#[cfg(feature = "ssm")]
pub mod ssm;
#[cfg(feature = "sts")]
pub mod sts;
#[cfg(feature = "svp")]
pub mod svp;
#[cfg(feature = "taf")]
pub mod taf;
#[cfg(feature = "tag")]
pub mod tag;
#[cfg(feature = "tat")]
pub mod tat;
#[cfg(feature = "tbaas")]
pub mod tbaas;
#[cfg(feature = "tbp")]
pub mod tbp;
#[cfg(feature = "tcaplusdb")]
pub mod tcaplusdb;
#[cfg(any(feature = "seeded", feature = "tcb"))]
pub mod tcb;
#[cfg(feature = "tcbr")]
pub mod tcbr;
#[cfg(feature = "tccatalog")]
pub mod tccatalog;
#[cfg(feature = "tchd")]
pub mod tchd;
#[cfg(feature = "tcm")]
pub mod tcm;
#[cfg(any(feature = "seeded", feature = "tcmpp"))]
pub mod tcmpp;
#[cfg(feature = "tcr")]
pub mod tcr;
#[cfg(any(feature = "seeded", feature = "tcsas"))]
pub mod tcsas;
#[cfg(feature = "tcss")]
pub mod tcss;
#[cfg(feature = "tdai")]
pub mod tdai;
#[cfg(feature = "tdcpg")]
pub mod tdcpg;
#[cfg(feature = "tdid")]
pub mod tdid;
#[cfg(feature = "tdmq")]
pub mod tdmq;
#[cfg(feature = "tdmysql")]
pub mod tdmysql;
#[cfg(feature = "tds")]
pub mod tds;
#[cfg(feature = "tem")]
pub mod tem;
#[cfg(feature = "teo")]
pub mod teo;
#[cfg(feature = "thpc")]
pub mod thpc;
#[cfg(feature = "tia")]
pub mod tia;
#[cfg(feature = "tiia")]
pub mod tiia;
#[cfg(feature = "tione")]
pub mod tione;
#[cfg(feature = "tiw")]
pub mod tiw;
#[cfg(feature = "tke")]
pub mod tke;
#[cfg(feature = "tkgdq")]
pub mod tkgdq;
#[cfg(feature = "tms")]
pub mod tms;
#[cfg(feature = "tmt")]
pub mod tmt;
#[cfg(feature = "tokenhub")]
pub mod tokenhub;
#[cfg(feature = "tourism")]
pub mod tourism;
#[cfg(feature = "trabbit")]
pub mod trabbit;
#[cfg(feature = "trocket")]
pub mod trocket;
#[cfg(feature = "trp")]
pub mod trp;
#[cfg(feature = "trro")]
pub mod trro;
#[cfg(feature = "trtc")]
pub mod trtc;
#[cfg(feature = "tse")]
pub mod tse;
#[cfg(feature = "tsf")]
pub mod tsf;
#[cfg(feature = "tsi")]
pub mod tsi;
#[cfg(feature = "tsw")]
pub mod tsw;
#[cfg(feature = "tts")]
pub mod tts;
#[cfg(feature = "vcg")]
pub mod vcg;
#[cfg(feature = "vclm")]
pub mod vclm;
#[cfg(feature = "vcube")]
pub mod vcube;
#[cfg(feature = "vdb")]
pub mod vdb;
#[cfg(feature = "vm")]
pub mod vm;
#[cfg(feature = "vms")]
pub mod vms;
#[cfg(feature = "vod")]
pub mod vod;
#[cfg(feature = "vpc")]
pub mod vpc;
#[cfg(feature = "vrs")]
pub mod vrs;
#[cfg(feature = "vtc")]
pub mod vtc;
#[cfg(feature = "waf")]
pub mod waf;
#[cfg(feature = "wav")]
pub mod wav;
#[cfg(feature = "wedata")]
pub mod wedata;
#[cfg(feature = "weilingwith")]
pub mod weilingwith;
#[cfg(feature = "wimgs")]
pub mod wimgs;
#[cfg(feature = "workbuddyenterprise")]
pub mod workbuddyenterprise;
#[cfg(feature = "wsa")]
pub mod wsa;
#[cfg(feature = "wss")]
pub mod wss;
#[cfg(feature = "yinsuda")]
pub mod yinsuda;
#[cfg(feature = "yunjing")]
pub mod yunjing;
#[cfg(feature = "yunsou")]
pub mod yunsou;
// @generated end modules

use tc_api_core::ActionMeta;

/// Metadata of every action compiled in (per the enabled features), grouped by service in
/// the order of the table above.
pub fn actions() -> Vec<ActionMeta> {
    let groups: &[&[ActionMeta]] = &[
        // @generated begin action groups
        #[cfg(feature = "aai")]
        aai::v20180522::ACTIONS,
        #[cfg(feature = "aca")]
        aca::v20210323::ACTIONS,
        #[cfg(feature = "acp")]
        acp::v20220105::ACTIONS,
        #[cfg(feature = "adp")]
        adp::v20260520::ACTIONS,
        #[cfg(feature = "advisor")]
        advisor::v20200721::ACTIONS,
        #[cfg(feature = "af")]
        af::v20200226::ACTIONS,
        #[cfg(feature = "afc")]
        afc::v20200226::ACTIONS,
        #[cfg(feature = "ags")]
        ags::v20250920::ACTIONS,
        #[cfg(feature = "ai3d")]
        ai3d::v20250513::ACTIONS,
        #[cfg(feature = "aiart")]
        aiart::v20221229::ACTIONS,
        #[cfg(feature = "alb")]
        alb::v20251030::ACTIONS,
        #[cfg(feature = "ame")]
        ame::v20190916::ACTIONS,
        #[cfg(feature = "ams")]
        ams::v20200608::ACTIONS,
        #[cfg(feature = "ams")]
        ams::v20201229::ACTIONS,
        #[cfg(feature = "anicloud")]
        anicloud::v20220923::ACTIONS,
        #[cfg(feature = "antiddos")]
        antiddos::v20200309::ACTIONS,
        #[cfg(feature = "antiddos")]
        antiddos::v20250903::ACTIONS,
        #[cfg(feature = "ape")]
        ape::v20200513::ACTIONS,
        #[cfg(feature = "api")]
        api::v20201106::ACTIONS,
        #[cfg(feature = "apigateway")]
        apigateway::v20180808::ACTIONS,
        #[cfg(feature = "apis")]
        apis::v20240801::ACTIONS,
        #[cfg(feature = "apm")]
        apm::v20210622::ACTIONS,
        #[cfg(feature = "autoscaling")]
        autoscaling::v20180419::ACTIONS,
        #[cfg(feature = "asr")]
        asr::v20190614::ACTIONS,
        #[cfg(feature = "asw")]
        asw::v20200722::ACTIONS,
        #[cfg(feature = "ba")]
        ba::v20200720::ACTIONS,
        #[cfg(feature = "batch")]
        batch::v20170312::ACTIONS,
        #[cfg(feature = "bda")]
        bda::v20200324::ACTIONS,
        #[cfg(feature = "bdrc")]
        bdrc::v20260330::ACTIONS,
        #[cfg(feature = "bh")]
        bh::v20230418::ACTIONS,
        #[cfg(feature = "bi")]
        bi::v20220105::ACTIONS,
        #[cfg(feature = "billing")]
        billing::v20180709::ACTIONS,
        #[cfg(feature = "bizlive")]
        bizlive::v20190313::ACTIONS,
        #[cfg(feature = "bm")]
        bm::v20180423::ACTIONS,
        #[cfg(feature = "bma")]
        bma::v20210624::ACTIONS,
        #[cfg(feature = "bma")]
        bma::v20221115::ACTIONS,
        #[cfg(feature = "bmeip")]
        bmeip::v20180625::ACTIONS,
        #[cfg(feature = "bmlb")]
        bmlb::v20180625::ACTIONS,
        #[cfg(feature = "bmvpc")]
        bmvpc::v20180625::ACTIONS,
        #[cfg(feature = "bpaas")]
        bpaas::v20181217::ACTIONS,
        #[cfg(feature = "bri")]
        bri::v20190328::ACTIONS,
        #[cfg(feature = "bsca")]
        bsca::v20210811::ACTIONS,
        #[cfg(feature = "btoe")]
        btoe::v20210303::ACTIONS,
        #[cfg(feature = "btoe")]
        btoe::v20210514::ACTIONS,
        #[cfg(feature = "ca")]
        ca::v20230228::ACTIONS,
        #[cfg(feature = "cam")]
        cam::v20190116::ACTIONS,
        #[cfg(feature = "captcha")]
        captcha::v20190722::ACTIONS,
        #[cfg(feature = "car")]
        car::v20220110::ACTIONS,
        #[cfg(feature = "cat")]
        cat::v20180409::ACTIONS,
        #[cfg(feature = "cbs")]
        cbs::v20170312::ACTIONS,
        #[cfg(feature = "ccc")]
        ccc::v20200210::ACTIONS,
        #[cfg(feature = "cdb")]
        cdb::v20170320::ACTIONS,
        #[cfg(feature = "cdc")]
        cdc::v20201214::ACTIONS,
        #[cfg(feature = "cdn")]
        cdn::v20180606::ACTIONS,
        #[cfg(feature = "cds")]
        cds::v20180420::ACTIONS,
        #[cfg(feature = "cdwch")]
        cdwch::v20200915::ACTIONS,
        #[cfg(feature = "cdwdoris")]
        cdwdoris::v20211228::ACTIONS,
        #[cfg(feature = "cdwpg")]
        cdwpg::v20201230::ACTIONS,
        #[cfg(feature = "cdz")]
        cdz::v20221123::ACTIONS,
        #[cfg(feature = "cetcd")]
        cetcd::v20220325::ACTIONS,
        #[cfg(feature = "cfg")]
        cfg::v20210820::ACTIONS,
        #[cfg(feature = "cfs")]
        cfs::v20190719::ACTIONS,
        #[cfg(feature = "cfw")]
        cfw::v20190904::ACTIONS,
        #[cfg(feature = "chc")]
        chc::v20230418::ACTIONS,
        #[cfg(feature = "chdfs")]
        chdfs::v20190718::ACTIONS,
        #[cfg(feature = "chdfs")]
        chdfs::v20201112::ACTIONS,
        #[cfg(feature = "ciam")]
        ciam::v20210420::ACTIONS,
        #[cfg(feature = "ciam")]
        ciam::v20220331::ACTIONS,
        #[cfg(feature = "cii")]
        cii::v20201210::ACTIONS,
        #[cfg(feature = "cii")]
        cii::v20210408::ACTIONS,
        #[cfg(feature = "cim")]
        cim::v20190318::ACTIONS,
        #[cfg(feature = "ckafka")]
        ckafka::v20190819::ACTIONS,
        #[cfg(feature = "clb")]
        clb::v20180317::ACTIONS,
        #[cfg(feature = "clb")]
        clb::v20230417::ACTIONS,
        #[cfg(feature = "cloudapp")]
        cloudapp::v20220530::ACTIONS,
        #[cfg(feature = "cloudaudit")]
        cloudaudit::v20190319::ACTIONS,
        #[cfg(feature = "cloudhsm")]
        cloudhsm::v20191112::ACTIONS,
        #[cfg(feature = "cloudmate")]
        cloudmate::v20251030::ACTIONS,
        #[cfg(feature = "cloudrc")]
        cloudrc::v20240606::ACTIONS,
        #[cfg(feature = "cloudstudio")]
        cloudstudio::v20230508::ACTIONS,
        #[cfg(feature = "cls")]
        cls::v20201016::ACTIONS,
        #[cfg(feature = "cme")]
        cme::v20191029::ACTIONS,
        #[cfg(feature = "cmq")]
        cmq::v20190304::ACTIONS,
        #[cfg(feature = "cms")]
        cms::v20190321::ACTIONS,
        #[cfg(feature = "cngw")]
        cngw::v20230418::ACTIONS,
        #[cfg(feature = "config")]
        config::v20220802::ACTIONS,
        #[cfg(feature = "controlcenter")]
        controlcenter::v20230110::ACTIONS,
        #[cfg(feature = "cpdp")]
        cpdp::v20190820::ACTIONS,
        #[cfg(feature = "csip")]
        csip::v20221121::ACTIONS,
        #[cfg(feature = "csxg")]
        csxg::v20230303::ACTIONS,
        #[cfg(feature = "ctem")]
        ctem::v20231128::ACTIONS,
        #[cfg(feature = "ctsdb")]
        ctsdb::v20230202::ACTIONS,
        #[cfg(feature = "cvm")]
        cvm::v20170312::ACTIONS,
        #[cfg(feature = "cwp")]
        cwp::v20180228::ACTIONS,
        #[cfg(feature = "cws")]
        cws::v20180312::ACTIONS,
        #[cfg(feature = "cynosdb")]
        cynosdb::v20190107::ACTIONS,
        #[cfg(feature = "dasb")]
        dasb::v20191018::ACTIONS,
        #[cfg(feature = "dataagent")]
        dataagent::v20250513::ACTIONS,
        #[cfg(feature = "databuddy")]
        databuddy::v20260715::ACTIONS,
        #[cfg(feature = "dataintegration")]
        dataintegration::v20220613::ACTIONS,
        #[cfg(feature = "dayu")]
        dayu::v20180709::ACTIONS,
        #[cfg(feature = "dbbrain")]
        dbbrain::v20191016::ACTIONS,
        #[cfg(feature = "dbbrain")]
        dbbrain::v20210527::ACTIONS,
        #[cfg(feature = "dbdc")]
        dbdc::v20201029::ACTIONS,
        #[cfg(feature = "dbs")]
        dbs::v20211108::ACTIONS,
        #[cfg(feature = "dc")]
        dc::v20180410::ACTIONS,
        #[cfg(feature = "dcdb")]
        dcdb::v20180411::ACTIONS,
        #[cfg(feature = "dlc")]
        dlc::v20210125::ACTIONS,
        #[cfg(feature = "dms")]
        dms::v20200819::ACTIONS,
        #[cfg(feature = "dnspod")]
        dnspod::v20210323::ACTIONS,
        #[cfg(feature = "domain")]
        domain::v20180808::ACTIONS,
        #[cfg(feature = "drm")]
        drm::v20181115::ACTIONS,
        #[cfg(feature = "ds")]
        ds::v20180523::ACTIONS,
        #[cfg(feature = "dsgc")]
        dsgc::v20190723::ACTIONS,
        #[cfg(feature = "dts")]
        dts::v20180330::ACTIONS,
        #[cfg(feature = "dts")]
        dts::v20211206::ACTIONS,
        #[cfg(feature = "eb")]
        eb::v20210416::ACTIONS,
        #[cfg(feature = "ecc")]
        ecc::v20181213::ACTIONS,
        #[cfg(feature = "ecdn")]
        ecdn::v20191012::ACTIONS,
        #[cfg(feature = "ecm")]
        ecm::v20190719::ACTIONS,
        #[cfg(feature = "edgezone")]
        edgezone::v20260401::ACTIONS,
        #[cfg(feature = "eiam")]
        eiam::v20210420::ACTIONS,
        #[cfg(feature = "eis")]
        eis::v20200715::ACTIONS,
        #[cfg(feature = "eis")]
        eis::v20210601::ACTIONS,
        #[cfg(feature = "emr")]
        emr::v20190103::ACTIONS,
        #[cfg(feature = "es")]
        es::v20180416::ACTIONS,
        #[cfg(feature = "es")]
        es::v20250101::ACTIONS,
        #[cfg(feature = "ess")]
        ess::v20201111::ACTIONS,
        #[cfg(feature = "essbasic")]
        essbasic::v20201222::ACTIONS,
        #[cfg(feature = "essbasic")]
        essbasic::v20210526::ACTIONS,
        #[cfg(feature = "evt")]
        evt::v20250217::ACTIONS,
        #[cfg(feature = "facefusion")]
        facefusion::v20181201::ACTIONS,
        #[cfg(feature = "facefusion")]
        facefusion::v20220927::ACTIONS,
        #[cfg(feature = "faceid")]
        faceid::v20180301::ACTIONS,
        #[cfg(feature = "fmu")]
        fmu::v20191213::ACTIONS,
        #[cfg(feature = "ft")]
        ft::v20200304::ACTIONS,
        #[cfg(feature = "fwm")]
        fwm::v20250611::ACTIONS,
        #[cfg(feature = "ga2")]
        ga2::v20250115::ACTIONS,
        #[cfg(feature = "gaap")]
        gaap::v20180529::ACTIONS,
        #[cfg(feature = "gme")]
        gme::v20180711::ACTIONS,
        #[cfg(feature = "goosefs")]
        goosefs::v20220519::ACTIONS,
        #[cfg(feature = "gpm")]
        gpm::v20200820::ACTIONS,
        #[cfg(feature = "gs")]
        gs::v20191118::ACTIONS,
        #[cfg(feature = "gse")]
        gse::v20191112::ACTIONS,
        #[cfg(feature = "gwlb")]
        gwlb::v20240906::ACTIONS,
        #[cfg(feature = "habo")]
        habo::v20181203::ACTIONS,
        #[cfg(feature = "hai")]
        hai::v20230812::ACTIONS,
        #[cfg(feature = "hasim")]
        hasim::v20210716::ACTIONS,
        #[cfg(feature = "hcm")]
        hcm::v20181106::ACTIONS,
        #[cfg(feature = "hunyuan")]
        hunyuan::v20230901::ACTIONS,
        #[cfg(feature = "iai")]
        iai::v20180301::ACTIONS,
        #[cfg(feature = "iai")]
        iai::v20200303::ACTIONS,
        #[cfg(feature = "iap")]
        iap::v20240713::ACTIONS,
        #[cfg(feature = "ic")]
        ic::v20190307::ACTIONS,
        #[cfg(feature = "icr")]
        icr::v20211014::ACTIONS,
        #[cfg(feature = "ie")]
        ie::v20200304::ACTIONS,
        #[cfg(feature = "ig")]
        ig::v20210518::ACTIONS,
        #[cfg(feature = "igtm")]
        igtm::v20231024::ACTIONS,
        #[cfg(feature = "ims")]
        ims::v20200713::ACTIONS,
        #[cfg(feature = "ims")]
        ims::v20201229::ACTIONS,
        #[cfg(feature = "intlpartnersmgt")]
        intlpartnersmgt::v20220928::ACTIONS,
        #[cfg(feature = "ioa")]
        ioa::v20220601::ACTIONS,
        #[cfg(feature = "iot")]
        iot::v20180123::ACTIONS,
        #[cfg(feature = "iotcloud")]
        iotcloud::v20180614::ACTIONS,
        #[cfg(feature = "iotcloud")]
        iotcloud::v20210408::ACTIONS,
        #[cfg(any(feature = "seeded", feature = "iotexplorer"))]
        iotexplorer::v20190423::ACTIONS,
        #[cfg(feature = "iotvideo")]
        iotvideo::v20191126::ACTIONS,
        #[cfg(feature = "iotvideo")]
        iotvideo::v20201215::ACTIONS,
        #[cfg(feature = "iotvideo")]
        iotvideo::v20211125::ACTIONS,
        #[cfg(feature = "iotvideoindustry")]
        iotvideoindustry::v20201201::ACTIONS,
        #[cfg(feature = "ip")]
        ip::v20210409::ACTIONS,
        #[cfg(feature = "irp")]
        irp::v20220324::ACTIONS,
        #[cfg(feature = "irp")]
        irp::v20220805::ACTIONS,
        #[cfg(feature = "iss")]
        iss::v20230517::ACTIONS,
        #[cfg(feature = "ivld")]
        ivld::v20210903::ACTIONS,
        #[cfg(feature = "keewidb")]
        keewidb::v20220308::ACTIONS,
        #[cfg(feature = "kms")]
        kms::v20190118::ACTIONS,
        #[cfg(feature = "lcic")]
        lcic::v20220817::ACTIONS,
        #[cfg(feature = "lighthouse")]
        lighthouse::v20200324::ACTIONS,
        #[cfg(feature = "live")]
        live::v20180801::ACTIONS,
        #[cfg(feature = "lke")]
        lke::v20231130::ACTIONS,
        #[cfg(feature = "lkeap")]
        lkeap::v20240522::ACTIONS,
        #[cfg(feature = "lowcode")]
        lowcode::v20210108::ACTIONS,
        #[cfg(feature = "mall")]
        mall::v20230518::ACTIONS,
        #[cfg(feature = "mariadb")]
        mariadb::v20170312::ACTIONS,
        #[cfg(feature = "market")]
        market::v20191010::ACTIONS,
        #[cfg(feature = "mdc")]
        mdc::v20200828::ACTIONS,
        #[cfg(feature = "mdl")]
        mdl::v20200326::ACTIONS,
        #[cfg(feature = "mdp")]
        mdp::v20200527::ACTIONS,
        #[cfg(feature = "memcached")]
        memcached::v20190318::ACTIONS,
        #[cfg(feature = "message")]
        message::v20181225::ACTIONS,
        #[cfg(feature = "mmps")]
        mmps::v20200710::ACTIONS,
        #[cfg(feature = "mna")]
        mna::v20210119::ACTIONS,
        #[cfg(feature = "mongodb")]
        mongodb::v20180408::ACTIONS,
        #[cfg(feature = "mongodb")]
        mongodb::v20190725::ACTIONS,
        #[cfg(feature = "monitor")]
        monitor::v20180724::ACTIONS,
        #[cfg(feature = "monitor")]
        monitor::v20230616::ACTIONS,
        #[cfg(feature = "mps")]
        mps::v20190612::ACTIONS,
        #[cfg(feature = "mqtt")]
        mqtt::v20240516::ACTIONS,
        #[cfg(feature = "mrs")]
        mrs::v20200910::ACTIONS,
        #[cfg(feature = "ms")]
        ms::v20180408::ACTIONS,
        #[cfg(feature = "msp")]
        msp::v20180319::ACTIONS,
        #[cfg(feature = "nlp")]
        nlp::v20190408::ACTIONS,
        #[cfg(feature = "npp")]
        npp::v20190823::ACTIONS,
        #[cfg(feature = "oceanus")]
        oceanus::v20190422::ACTIONS,
        #[cfg(feature = "ocr")]
        ocr::v20181119::ACTIONS,
        #[cfg(feature = "omics")]
        omics::v20221128::ACTIONS,
        #[cfg(feature = "organization")]
        organization::v20181225::ACTIONS,
        #[cfg(feature = "organization")]
        organization::v20210331::ACTIONS,
        #[cfg(feature = "partners")]
        partners::v20180321::ACTIONS,
        #[cfg(feature = "portal")]
        portal::v20230413::ACTIONS,
        #[cfg(feature = "postgres")]
        postgres::v20170312::ACTIONS,
        #[cfg(feature = "privatedns")]
        privatedns::v20201028::ACTIONS,
        #[cfg(feature = "pts")]
        pts::v20210728::ACTIONS,
        #[cfg(feature = "quota")]
        quota::v20241204::ACTIONS,
        #[cfg(feature = "rce")]
        rce::v20201103::ACTIONS,
        #[cfg(feature = "rce")]
        rce::v20250425::ACTIONS,
        #[cfg(feature = "rce")]
        rce::v20260130::ACTIONS,
        #[cfg(feature = "redis")]
        redis::v20180412::ACTIONS,
        #[cfg(feature = "region")]
        region::v20220627::ACTIONS,
        #[cfg(feature = "rum")]
        rum::v20210622::ACTIONS,
        #[cfg(feature = "scf")]
        scf::v20180416::ACTIONS,
        #[cfg(feature = "securitylake")]
        securitylake::v20240117::ACTIONS,
        #[cfg(feature = "ses")]
        ses::v20201002::ACTIONS,
        #[cfg(feature = "smh")]
        smh::v20210712::ACTIONS,
        #[cfg(feature = "smop")]
        smop::v20201203::ACTIONS,
        #[cfg(feature = "sms")]
        sms::v20190711::ACTIONS,
        #[cfg(feature = "sms")]
        sms::v20210111::ACTIONS,
        #[cfg(feature = "soe")]
        soe::v20180724::ACTIONS,
        #[cfg(feature = "sqlserver")]
        sqlserver::v20180328::ACTIONS,
        #[cfg(feature = "ssa")]
        ssa::v20180608::ACTIONS,
        #[cfg(feature = "ssl")]
        ssl::v20191205::ACTIONS,
        #[cfg(feature = "sslpod")]
        sslpod::v20190605::ACTIONS,
        #[cfg(feature = "ssm")]
        ssm::v20190923::ACTIONS,
        #[cfg(feature = "sts")]
        sts::v20180813::ACTIONS,
        #[cfg(feature = "svp")]
        svp::v20240125::ACTIONS,
        #[cfg(feature = "taf")]
        taf::v20200210::ACTIONS,
        #[cfg(feature = "tag")]
        tag::v20180813::ACTIONS,
        #[cfg(feature = "tat")]
        tat::v20201028::ACTIONS,
        #[cfg(feature = "tbaas")]
        tbaas::v20180416::ACTIONS,
        #[cfg(feature = "tbp")]
        tbp::v20190311::ACTIONS,
        #[cfg(feature = "tbp")]
        tbp::v20190627::ACTIONS,
        #[cfg(feature = "tcaplusdb")]
        tcaplusdb::v20190823::ACTIONS,
        #[cfg(any(feature = "seeded", feature = "tcb"))]
        tcb::v20180608::ACTIONS,
        #[cfg(feature = "tcbr")]
        tcbr::v20220217::ACTIONS,
        #[cfg(feature = "tccatalog")]
        tccatalog::v20241024::ACTIONS,
        #[cfg(feature = "tchd")]
        tchd::v20230306::ACTIONS,
        #[cfg(feature = "tcm")]
        tcm::v20210413::ACTIONS,
        #[cfg(any(feature = "seeded", feature = "tcmpp"))]
        tcmpp::v20240801::ACTIONS,
        #[cfg(feature = "tcr")]
        tcr::v20190924::ACTIONS,
        #[cfg(any(feature = "seeded", feature = "tcsas"))]
        tcsas::v20250106::ACTIONS,
        #[cfg(feature = "tcss")]
        tcss::v20201101::ACTIONS,
        #[cfg(feature = "tdai")]
        tdai::v20250717::ACTIONS,
        #[cfg(feature = "tdcpg")]
        tdcpg::v20211118::ACTIONS,
        #[cfg(feature = "tdid")]
        tdid::v20210519::ACTIONS,
        #[cfg(feature = "tdmq")]
        tdmq::v20200217::ACTIONS,
        #[cfg(feature = "tdmysql")]
        tdmysql::v20211122::ACTIONS,
        #[cfg(feature = "tds")]
        tds::v20220801::ACTIONS,
        #[cfg(feature = "tem")]
        tem::v20201221::ACTIONS,
        #[cfg(feature = "tem")]
        tem::v20210701::ACTIONS,
        #[cfg(feature = "teo")]
        teo::v20220106::ACTIONS,
        #[cfg(feature = "teo")]
        teo::v20220901::ACTIONS,
        #[cfg(feature = "thpc")]
        thpc::v20211109::ACTIONS,
        #[cfg(feature = "thpc")]
        thpc::v20220401::ACTIONS,
        #[cfg(feature = "thpc")]
        thpc::v20230321::ACTIONS,
        #[cfg(feature = "tia")]
        tia::v20180226::ACTIONS,
        #[cfg(feature = "tiia")]
        tiia::v20190529::ACTIONS,
        #[cfg(feature = "tione")]
        tione::v20191022::ACTIONS,
        #[cfg(feature = "tione")]
        tione::v20211111::ACTIONS,
        #[cfg(feature = "tiw")]
        tiw::v20190919::ACTIONS,
        #[cfg(feature = "tke")]
        tke::v20180525::ACTIONS,
        #[cfg(feature = "tke")]
        tke::v20220501::ACTIONS,
        #[cfg(feature = "tkgdq")]
        tkgdq::v20190411::ACTIONS,
        #[cfg(feature = "tms")]
        tms::v20200713::ACTIONS,
        #[cfg(feature = "tms")]
        tms::v20201229::ACTIONS,
        #[cfg(feature = "tmt")]
        tmt::v20180321::ACTIONS,
        #[cfg(feature = "tokenhub")]
        tokenhub::v20260322::ACTIONS,
        #[cfg(feature = "tourism")]
        tourism::v20230215::ACTIONS,
        #[cfg(feature = "trabbit")]
        trabbit::v20230418::ACTIONS,
        #[cfg(feature = "trocket")]
        trocket::v20230308::ACTIONS,
        #[cfg(feature = "trp")]
        trp::v20210515::ACTIONS,
        #[cfg(feature = "trro")]
        trro::v20220325::ACTIONS,
        #[cfg(feature = "trtc")]
        trtc::v20190722::ACTIONS,
        #[cfg(feature = "tse")]
        tse::v20201207::ACTIONS,
        #[cfg(feature = "tsf")]
        tsf::v20180326::ACTIONS,
        #[cfg(feature = "tsi")]
        tsi::v20210325::ACTIONS,
        #[cfg(feature = "tsw")]
        tsw::v20200924::ACTIONS,
        #[cfg(feature = "tsw")]
        tsw::v20210412::ACTIONS,
        #[cfg(feature = "tts")]
        tts::v20190823::ACTIONS,
        #[cfg(feature = "vcg")]
        vcg::v20240404::ACTIONS,
        #[cfg(feature = "vclm")]
        vclm::v20240523::ACTIONS,
        #[cfg(feature = "vcube")]
        vcube::v20220410::ACTIONS,
        #[cfg(feature = "vdb")]
        vdb::v20230616::ACTIONS,
        #[cfg(feature = "vm")]
        vm::v20200709::ACTIONS,
        #[cfg(feature = "vm")]
        vm::v20201229::ACTIONS,
        #[cfg(feature = "vm")]
        vm::v20210922::ACTIONS,
        #[cfg(feature = "vms")]
        vms::v20200902::ACTIONS,
        #[cfg(feature = "vod")]
        vod::v20180717::ACTIONS,
        #[cfg(feature = "vod")]
        vod::v20240718::ACTIONS,
        #[cfg(feature = "vpc")]
        vpc::v20170312::ACTIONS,
        #[cfg(feature = "vrs")]
        vrs::v20200824::ACTIONS,
        #[cfg(feature = "vtc")]
        vtc::v20240223::ACTIONS,
        #[cfg(feature = "waf")]
        waf::v20180125::ACTIONS,
        #[cfg(feature = "wav")]
        wav::v20210129::ACTIONS,
        #[cfg(feature = "wedata")]
        wedata::v20210820::ACTIONS,
        #[cfg(feature = "wedata")]
        wedata::v20250806::ACTIONS,
        #[cfg(feature = "weilingwith")]
        weilingwith::v20230427::ACTIONS,
        #[cfg(feature = "wimgs")]
        wimgs::v20251106::ACTIONS,
        #[cfg(feature = "workbuddyenterprise")]
        workbuddyenterprise::v20260709::ACTIONS,
        #[cfg(feature = "wsa")]
        wsa::v20250508::ACTIONS,
        #[cfg(feature = "wss")]
        wss::v20180426::ACTIONS,
        #[cfg(feature = "yinsuda")]
        yinsuda::v20220527::ACTIONS,
        #[cfg(feature = "yunjing")]
        yunjing::v20180228::ACTIONS,
        #[cfg(feature = "yunsou")]
        yunsou::v20180504::ACTIONS,
        #[cfg(feature = "yunsou")]
        yunsou::v20191115::ACTIONS,
        // @generated end action groups
        #[cfg(feature = "seeded")]
        apigateway::v2::ACTIONS,
    ];
    groups.concat()
}

/// Every documented example compiled in (per the enabled features), in the same order.
pub fn examples() -> Vec<&'static doc_example::DocExample> {
    let groups: &[&'static [doc_example::DocExample]] = &[
        #[cfg(any(feature = "seeded", feature = "tcmpp"))]
        tcmpp::v20240801::examples::ALL,
        #[cfg(any(feature = "seeded", feature = "tcb"))]
        tcb::v20180608::examples::ALL,
        #[cfg(any(feature = "seeded", feature = "iotexplorer"))]
        iotexplorer::v20190423::examples::ALL,
        #[cfg(any(feature = "seeded", feature = "tcsas"))]
        tcsas::v20250106::examples::ALL,
        #[cfg(any(feature = "seeded", feature = "apigateway"))]
        apigateway::v2::examples::ALL,
    ];
    groups.iter().flat_map(|group| group.iter()).collect()
}
