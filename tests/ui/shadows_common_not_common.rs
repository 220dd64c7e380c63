use tc_api_macros::{tc_action, tc_model};

#[tc_action(service = "trtc", version = "2019-07-22")]
pub struct TextToSpeech {
    #[tc(rename = "Language", shadows_common)]
    pub language: Option<String>,
    #[tc(rename = "VoiceType", shadows_common)]
    pub voice_type: i64,
}

#[tc_model]
pub struct TextToSpeechResponse {}

fn main() {
    use tc_api_core::Action;
    let _ = <TextToSpeech as Action>::META.service;
}
