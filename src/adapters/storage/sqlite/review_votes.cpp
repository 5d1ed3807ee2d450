#include "adapters/storage/sqlite/review_repositories.h"

namespace commerce::sqlite {

bool SqliteReviewVotes::insert(const ReviewVote& vote) {
    db_.query("INSERT OR IGNORE INTO review_votes (review_id, user_id, kind, reason, created_ms) "
              "VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(1, vote.review_id).bind(2, vote.user_id).bind(3, vote.kind).bind(4, vote.reason)
        .bind(5, vote.created_ms).run();
    if (db_.changes() == 0) return false;
    db_.query("UPDATE reviews SET helpful_count = helpful_count + (?2 = 'helpful'), "
              "report_count = report_count + (?2 = 'report') WHERE id = ?1")
        .bind(1, vote.review_id).bind(2, vote.kind).run();
    return true;
}

std::vector<ReviewVote> SqliteReviewVotes::for_user(std::string_view user_id) {
    auto rows = db_.query("SELECT review_id, user_id, kind, reason, created_ms FROM review_votes WHERE user_id = ?1 "
                          "ORDER BY created_ms, review_id, kind");
    rows.bind(1, user_id);
    std::vector<ReviewVote> votes;
    while (rows.step())
        votes.push_back({.review_id = rows.text(0), .user_id = rows.text(1), .kind = rows.text(2),
                         .reason = rows.optional_text(3), .created_ms = rows.integer(4)});
    return votes;
}

void SqliteReviewVotes::remove_for_user(std::string_view user_id) {
    db_.query("UPDATE reviews SET "
              "helpful_count = helpful_count - (SELECT count(*) FROM review_votes v "
              "WHERE v.review_id = reviews.id AND v.user_id = ?1 AND v.kind = 'helpful'), "
              "report_count = report_count - (SELECT count(*) FROM review_votes v "
              "WHERE v.review_id = reviews.id AND v.user_id = ?1 AND v.kind = 'report') "
              "WHERE id IN (SELECT review_id FROM review_votes WHERE user_id = ?1)")
        .bind(1, user_id).run();
    db_.query("DELETE FROM review_votes WHERE user_id = ?1").bind(1, user_id).run();
}

}  // namespace commerce::sqlite
