//! HowTheyVote.eu's API answers as typed values, parsed at the boundary.
//!
//! Two endpoints are read (backend/howtheyvote/api/votes_api.py and
//! serializers.py of github.com/HowTheyVote/howtheyvote):
//! - `GET /votes/<id>`: one vote with `timestamp` (ISO 8601), `display_title`,
//!   `procedure` (`{reference, title, …}` or null), `result` (`ADOPTED`,
//!   `REJECTED`, `LAPSED`, `WITHDRAWN`, or null before 2024),
//!   `stats.total` (`FOR`, `AGAINST`, `ABSTENTION`, `DID_NOT_VOTE`) and
//!   `member_votes` (`{member: {id, first_name, last_name, country:
//!   {iso_alpha_2, …}, group: {code, …} | null}, position}`);
//! - `GET /votes?q=<procedure>&page=N&page_size=M`: a page of votes
//!   (`results` with `id` and `is_main`, `has_next`), to find the votes of a
//!   procedure.
//!
//! Anything of another shape is an [`ApiError`] naming the field, never a
//! panic and never a silently empty vote.

use chrono::NaiveDate;
use serde_json::Value;

use super::model::{Totals, VoteResult, VoteWord};
use crate::diagnostics::Message;
use crate::msg;

/// Why an answer of the API cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// A field is missing or of the wrong type.
    Field(String),
    /// A member without a first or last name; the member id.
    Name(u64),
    /// A vote word the API is not documented to send.
    Position {
        /// The member id.
        id: u64,
        /// What the API sent.
        position: String,
    },
    /// A result our files cannot record.
    Result(String),
}

impl ApiError {
    /// What is wrong, in English and Dutch (the `Display` text is the English).
    pub fn message(&self) -> Message {
        match self {
            ApiError::Field(path) => msg!(
                "the answer has no usable `{path}`",
                "het antwoord heeft geen bruikbare `{path}`"
            ),
            ApiError::Name(id) => msg!(
                "the answer has no usable `name of member {id}`",
                "het antwoord heeft geen bruikbare naam van lid {id}"
            ),
            ApiError::Position { id, position } => msg!(
                "member {id} has the position `{position}`, which is not one of FOR, AGAINST, ABSTENTION, DID_NOT_VOTE",
                "lid {id} heeft de positie `{position}`; dat is geen van FOR, AGAINST, ABSTENTION, DID_NOT_VOTE"
            ),
            ApiError::Result(result) => msg!(
                "the vote's result is `{result}`, neither adopted nor rejected",
                "de uitslag van de stemming is `{result}`: niet aangenomen en niet verworpen"
            ),
        }
    }
}

/// The English text.
impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message().en)
    }
}

impl std::error::Error for ApiError {}

/// One vote as the API gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiVote {
    /// The vote id.
    pub id: u64,
    /// The day of the vote.
    pub date: NaiveDate,
    /// `display_title`, when given.
    pub title: Option<String>,
    /// The procedure reference, when the vote belongs to one.
    pub procedure: Option<String>,
    /// The result; None when the API gives none (votes before 2024).
    pub result: Option<VoteResult>,
    /// The whole Parliament's numbers.
    pub totals: Totals,
    /// Every member's vote, in the API's order.
    pub members: Vec<ApiMember>,
}

/// One member's vote as the API gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiMember {
    /// The Parliament's member id.
    pub id: u64,
    /// First and last name as the API writes them.
    pub name: String,
    /// ISO 3166 alpha-2 code of the member's country, when given.
    pub country: Option<String>,
    /// The political group code on the vote date, when given.
    pub group: Option<String>,
    /// The vote.
    pub vote: VoteWord,
}

/// One page of a vote listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListPage {
    /// Ids of the votes on the page that are main votes (not amendments) of
    /// the procedure asked for.
    pub main_votes: Vec<u64>,
    /// How many rows the page had, of any kind (for the client's row cap).
    pub rows: usize,
    /// True when there is a next page.
    pub has_next: bool,
}

fn field<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.')
        .try_fold(value, |v, key| v.get(key))
        .filter(|v| !v.is_null())
}

fn text(value: &Value, path: &str) -> Option<String> {
    field(value, path)
        .and_then(Value::as_str)
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

fn number(value: &Value, path: &str) -> Result<u64, ApiError> {
    field(value, path)
        .and_then(Value::as_u64)
        .ok_or_else(|| ApiError::Field(path.to_string()))
}

fn count(value: &Value, path: &str) -> Result<u32, ApiError> {
    u32::try_from(number(value, path)?).map_err(|_| ApiError::Field(path.to_string()))
}

/// Reads the answer of `GET /votes/<id>`.
pub fn parse_vote(value: &Value) -> Result<ApiVote, ApiError> {
    let id = number(value, "id")?;
    let date = text(value, "timestamp")
        .and_then(|t| NaiveDate::parse_from_str(t.get(..10)?, "%Y-%m-%d").ok())
        .ok_or_else(|| ApiError::Field("timestamp".to_string()))?;
    let result = match text(value, "result").as_deref() {
        None => None,
        Some("ADOPTED") => Some(VoteResult::Adopted),
        Some("REJECTED") => Some(VoteResult::Rejected),
        Some(other) => return Err(ApiError::Result(other.to_string())),
    };
    let totals = Totals {
        for_: count(value, "stats.total.FOR")?,
        against: count(value, "stats.total.AGAINST")?,
        abstain: Some(count(value, "stats.total.ABSTENTION")?),
    };
    let rows = field(value, "member_votes")
        .and_then(Value::as_array)
        .ok_or_else(|| ApiError::Field("member_votes".to_string()))?;
    let members = rows.iter().map(member).collect::<Result<Vec<_>, _>>()?;
    Ok(ApiVote {
        id,
        date,
        title: text(value, "display_title"),
        procedure: text(value, "procedure.reference"),
        result,
        totals,
        members,
    })
}

fn member(row: &Value) -> Result<ApiMember, ApiError> {
    let id = number(row, "member.id")
        .map_err(|_| ApiError::Field("member_votes[].member.id".to_string()))?;
    let position = text(row, "position").unwrap_or_default();
    let vote = match position.as_str() {
        "FOR" => VoteWord::For,
        "AGAINST" => VoteWord::Against,
        "ABSTENTION" => VoteWord::Abstain,
        "DID_NOT_VOTE" => VoteWord::Absent,
        _ => return Err(ApiError::Position { id, position }),
    };
    let name = [
        text(row, "member.first_name"),
        text(row, "member.last_name"),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    if name.is_empty() {
        return Err(ApiError::Name(id));
    }
    Ok(ApiMember {
        id,
        name,
        country: text(row, "member.country.iso_alpha_2"),
        group: text(row, "member.group.code"),
        vote,
    })
}

/// Reads one page of `GET /votes?q=…&page=N`. The listing is a text
/// search, so a row that names another procedure than `procedure` is left
/// out (a row that names none is kept: it was found by the reference).
pub fn parse_list_page(value: &Value, procedure: &str) -> Result<ListPage, ApiError> {
    let rows = field(value, "results")
        .and_then(Value::as_array)
        .ok_or_else(|| ApiError::Field("results".to_string()))?;
    let mut main_votes = Vec::new();
    for row in rows {
        let id = number(row, "id").map_err(|_| ApiError::Field("results[].id".to_string()))?;
        let other_procedure = field(row, "procedure.reference")
            .and_then(Value::as_str)
            .is_some_and(|r| r != procedure);
        if field(row, "is_main").and_then(Value::as_bool) == Some(true) && !other_procedure {
            main_votes.push(id);
        }
    }
    let has_next = field(value, "has_next")
        .and_then(Value::as_bool)
        .ok_or_else(|| ApiError::Field("has_next".to_string()))?;
    Ok(ListPage {
        main_votes,
        rows: rows.len(),
        has_next,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use test_case::test_case;

    fn answer() -> Value {
        json!({
            "id": 189574, "is_main": true, "timestamp": "2026-03-26T12:31:05",
            "display_title": "Temporary derogation from the ePrivacy Directive",
            "reference": "A10-0001/2026", "description": null, "result": "REJECTED",
            "procedure": {"title": "x", "type": "COD", "reference": "2025/0429(COD)", "stage": "OLP_FIRST_READING"},
            "stats": {"total": {"FOR": 228, "AGAINST": 311, "ABSTENTION": 92, "DID_NOT_VOTE": 89},
                      "by_group": [], "by_country": []},
            "member_votes": [
                {"member": {"id": 124831, "first_name": "Bas", "last_name": "EICKHOUT",
                            "country": {"code": "NLD", "iso_alpha_2": "NL", "label": "Netherlands"},
                            "group": {"code": "GREENS", "label": "Greens/European Free Alliance", "short_label": "Greens/EFA"},
                            "photo_url": "p", "thumb_url": "t"},
                 "position": "AGAINST"},
                {"member": {"id": 1, "first_name": "Roberta", "last_name": "METSOLA",
                            "country": {"code": "MLT", "iso_alpha_2": "MT", "label": "Malta"},
                            "group": null, "photo_url": "p", "thumb_url": "t"},
                 "position": "DID_NOT_VOTE"}
            ],
            "sources": [], "links": [], "related": []
        })
    }

    #[test]
    fn reads_a_vote_in_the_real_shape() {
        let vote = parse_vote(&answer()).unwrap();
        assert_eq!(vote.id, 189574);
        assert_eq!(vote.date, NaiveDate::from_ymd_opt(2026, 3, 26).unwrap());
        assert_eq!(vote.procedure.as_deref(), Some("2025/0429(COD)"));
        assert_eq!(vote.result, Some(VoteResult::Rejected));
        assert_eq!(
            vote.totals,
            Totals {
                for_: 228,
                against: 311,
                abstain: Some(92)
            }
        );
        assert_eq!(vote.members[0].name, "Bas EICKHOUT");
        assert_eq!(vote.members[0].country.as_deref(), Some("NL"));
        assert_eq!(vote.members[0].group.as_deref(), Some("GREENS"));
        assert_eq!(vote.members[0].vote, VoteWord::Against);
        assert_eq!(vote.members[1].group, None);
        assert_eq!(vote.members[1].vote, VoteWord::Absent);
    }

    #[test_case("/result", json!(null), None; "no result before 2024")]
    #[test_case("/result", json!("ADOPTED"), Some(VoteResult::Adopted); "adopted")]
    fn results(pointer: &str, value: Value, result: Option<VoteResult>) {
        let mut a = answer();
        *a.pointer_mut(pointer).unwrap() = value;
        assert_eq!(parse_vote(&a).unwrap().result, result);
    }

    #[test_case("/result", json!("LAPSED"), "the vote's result is `LAPSED`, neither adopted nor rejected"; "lapsed")]
    #[test_case("/timestamp", json!("gisteren"), "the answer has no usable `timestamp`"; "bad timestamp")]
    #[test_case("/stats/total/FOR", json!(-1), "the answer has no usable `stats.total.FOR`"; "negative count")]
    #[test_case("/member_votes", json!({}), "the answer has no usable `member_votes`"; "members not a list")]
    #[test_case("/member_votes/0/position", json!("YES"), "member 124831 has the position `YES`, which is not one of FOR, AGAINST, ABSTENTION, DID_NOT_VOTE"; "unknown position")]
    #[test_case("/member_votes/0/member/id", json!("x"), "the answer has no usable `member_votes[].member.id`"; "id not a number")]
    fn wrong_shapes_are_errors(pointer: &str, value: Value, message: &str) {
        let mut a = answer();
        *a.pointer_mut(pointer).unwrap() = value;
        assert_eq!(parse_vote(&a).unwrap_err().to_string(), message);
    }

    #[test_case("/result", json!("LAPSED"), "de uitslag van de stemming is `LAPSED`: niet aangenomen en niet verworpen"; "lapsed")]
    #[test_case("/member_votes/0/member", json!({"id": 124831}), "het antwoord heeft geen bruikbare naam van lid 124831"; "no name")]
    fn wrong_shapes_in_dutch(pointer: &str, value: Value, message: &str) {
        let mut a = answer();
        *a.pointer_mut(pointer).unwrap() = value;
        assert_eq!(parse_vote(&a).unwrap_err().message().nl, message);
    }

    #[test]
    fn reads_a_list_page() {
        let page = json!({"total": 3, "page": 1, "page_size": 2, "has_prev": false, "has_next": true,
            "results": [{"id": 5, "is_main": true}, {"id": 6, "is_main": false}], "facets": {}});
        assert_eq!(
            parse_list_page(&page, "2022/0155(COD)").unwrap(),
            ListPage {
                main_votes: vec![5],
                rows: 2,
                has_next: true
            }
        );
    }

    #[test]
    fn a_main_vote_of_another_procedure_found_by_the_text_search_is_left_out() {
        let page = json!({"has_next": false, "results": [
            {"id": 5, "is_main": true, "procedure": {"reference": "2022/0155(COD)"}},
            {"id": 7, "is_main": true, "procedure": {"reference": "2024/0001(COD)"}},
            {"id": 8, "is_main": true, "procedure": null}]});
        assert_eq!(
            parse_list_page(&page, "2022/0155(COD)").unwrap().main_votes,
            vec![5, 8]
        );
        assert!(parse_list_page(&json!({"results": []}), "2022/0155(COD)").is_err());
    }
}
