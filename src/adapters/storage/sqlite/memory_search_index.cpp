#include "adapters/storage/sqlite/memory_search_index.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <climits>
#include <optional>

namespace commerce::sqlite {

uint32_t MemorySearchIndex::Interner::intern(const std::string& value) {
    auto [it, added] = ids.emplace(value, static_cast<uint32_t>(values.size()));
    if (added) values.push_back(value);
    return it->second;
}

uint32_t MemorySearchIndex::Interner::find(const std::string& value) const {
    auto it = ids.find(value);
    return it == ids.end() ? kNone : it->second;
}

uint32_t MemorySearchIndex::term_id(std::string_view text) {
    auto [it, added] = term_ids_.try_emplace(std::string(text), static_cast<uint32_t>(terms_.size()));
    if (!added) return it->second;
    terms_.push_back({it->first, {}, 0});
    sorted_terms_.emplace(it->first, it->second);
    for (const auto& trigram : search::trigrams(it->first)) trigrams_[trigram].push_back(it->second);
    return it->second;
}

namespace {

// One key space for the three facet kinds: kind letter, attribute name, value.
std::string facet_key(char kind, const std::string& name, const std::string& value) {
    std::string key(1, kind);
    key += name;
    key += '\x1f';
    key += value;
    return key;
}

char kind_letter(int kind) { return static_cast<char>('a' + kind); }

}  // namespace

uint32_t MemorySearchIndex::facet_id(FacetKind kind, const std::string& name, const std::string& value) {
    const uint32_t id = facet_keys_.intern(facet_key(kind_letter(static_cast<int>(kind)), name, value));
    if (id == facet_values_.size()) facet_values_.push_back({kind, name, value, {}});
    return id;
}

uint32_t MemorySearchIndex::find_facet(FacetKind kind, const std::string& name, const std::string& value) const {
    return facet_keys_.find(facet_key(kind_letter(static_cast<int>(kind)), name, value));
}

void MemorySearchIndex::add_row(FoldingTokenizer& tokenizer, uint32_t slot, const std::string& locale,
                                const std::string& title, const std::array<std::string_view, kFields>& fields) {
    const auto row = static_cast<uint32_t>(row_slot_.size());
    // (term, field) for every token, then counted by sorting: rows are short, and this allocates nothing per token.
    thread_local std::vector<std::pair<uint32_t, int>> occurrences;
    occurrences.clear();
    std::array<uint16_t, kFields> length{};
    for (int field = 0; field < kFields; ++field) {
        int64_t count = 0;
        tokenizer.each(fields[field], [&](std::string_view token) {
            occurrences.emplace_back(term_id(token), field);
            ++count;
        });
        length[field] = static_cast<uint16_t>(std::min<int64_t>(count, UINT16_MAX));
        total_length_[field] += length[field];
    }
    std::sort(occurrences.begin(), occurrences.end());
    row_terms_begin_.push_back(static_cast<uint32_t>(row_terms_.size()));
    for (std::size_t i = 0; i < occurrences.size();) {
        const uint32_t term = occurrences[i].first;
        Posting posting{row, slot, {}};
        for (; i < occurrences.size() && occurrences[i].first == term; ++i) {
            auto& frequency = posting.frequency[occurrences[i].second];
            if (frequency < UINT8_MAX) ++frequency;
        }
        terms_[term].postings.push_back(posting);
        ++terms_[term].live_rows;
        row_terms_.push_back(term);
    }
    row_slot_.push_back(slot);
    row_locale_.push_back(static_cast<uint16_t>(locales_.intern(locale)));
    row_length_.push_back(length);
    row_title_.push_back(title);
    ++row_count_[slot];
    ++live_rows_;
}

void MemorySearchIndex::add(FoldingTokenizer& tokenizer, const SearchSource& source) {
    if (source.status != "published" && !(source.status == "draft" && source.publish_at)) return;  // never shown
    const auto slot = static_cast<uint32_t>(product_id_.size());
    slot_of_[source.id] = slot;
    product_id_.push_back(source.id);
    slug_.push_back(source.slug);
    live_.resize(product_id_.size());
    live_.set(slot);
    visible_from_ms_.push_back(source.status == "published" ? INT64_MIN : *source.publish_at);
    created_ms_.push_back(source.created_ms);
    rating_sum_.push_back(source.rating_sum);
    rating_count_.push_back(source.rating_count);
    units_sold_.push_back(source.units_sold);

    // Stock: decided once here unless unexpired reservations could tip it, which only the query's "now" can tell.
    bool always = false, any_on_hand = false;
    std::vector<VariantStock> stock;
    for (const auto& variant : source.variants) {
        if (source.kind == "digital") {
            always = always || !variant.has_keys || variant.keys_left;
            continue;
        }
        int64_t all_reserved = 0;
        for (const auto& [quantity, expires_ms] : variant.reservations) all_reserved += quantity;
        always = always || variant.on_hand - all_reserved > 0;
        any_on_hand = any_on_hand || variant.on_hand > 0;
        stock.push_back({variant.on_hand, variant.reservations});
    }
    availability_.push_back(always ? Availability::always : any_on_hand ? Availability::on_reservations
                                                                        : Availability::never);
    if (availability_.back() == Availability::on_reservations) reserved_stock_[slot] = std::move(stock);

    for (auto& prices : lowest_price_) prices.push_back(kNoPrice);
    for (const auto& [code, amount] : source.prices) {
        const uint32_t currency = currencies_.intern(code);
        if (currency == lowest_price_.size()) lowest_price_.emplace_back(product_id_.size(), kNoPrice);
        lowest_price_[currency][slot] = amount;
    }

    // Facet values: every ancestor category (so a category holds its subtree), tags, attribute values.
    std::vector<uint32_t> facets;
    for (const auto& path : source.category_paths) {
        for (std::size_t start = 0; start < path.size();) {
            std::size_t stop = path.find('/', start);
            if (stop == std::string::npos) stop = path.size();
            if (stop > start) facets.push_back(facet_id(FacetKind::category, "", path.substr(start, stop - start)));
            start = stop + 1;
        }
    }
    std::string tag_text;
    for (const auto& tag : source.tags) {
        facets.push_back(facet_id(FacetKind::tag, "", tag));
        tag_text += tag + ' ';
    }
    std::string attribute_text;
    const auto attributes = nlohmann::json::parse(source.attributes, nullptr, false);
    if (attributes.is_object()) {
        for (const auto& [name, value] : attributes.items()) {
            std::vector<std::string> values;
            if (value.is_string()) values.push_back(value.get<std::string>());
            if (value.is_array())
                for (const auto& item : value)
                    if (item.is_string()) values.push_back(item.get<std::string>());
            for (const auto& text : values) {
                facets.push_back(facet_id(FacetKind::attribute, name, text));
                attribute_text += name + ' ' + text + ' ';
            }
        }
    }
    std::sort(facets.begin(), facets.end());
    facets.erase(std::unique(facets.begin(), facets.end()), facets.end());
    facets_begin_.push_back(static_cast<uint32_t>(facets_.size()));
    for (uint32_t facet : facets) {
        facets_.push_back(facet);
        facet_values_[facet].slots.push_back(slot);
    }

    // Text rows: the base text, then one per translation with each field falling back along the locale chain.
    first_row_.push_back(static_cast<uint32_t>(row_slot_.size()));
    row_count_.push_back(0);
    add_row(tokenizer, slot, "", source.title, {source.title, source.description, tag_text, attribute_text});
    std::map<std::string, std::pair<std::optional<std::string>, std::optional<std::string>>> translations;
    for (const auto& [locale, title, description] : source.translations) translations[locale] = {title, description};
    for (const auto& [locale, ignored] : translations) {
        std::optional<std::string> title, description;
        for (const auto& step : search::locale_chain(locale)) {
            auto it = translations.find(step);
            if (it == translations.end()) continue;
            if (!title) title = it->second.first;
            if (!description) description = it->second.second;
        }
        const std::string& shown = title ? *title : source.title;
        add_row(tokenizer, slot, locale, shown,
                {shown, description ? std::string_view(*description) : std::string_view(source.description), tag_text,
                 attribute_text});
    }
}

void MemorySearchIndex::remove(std::string_view product_id) {
    auto it = slot_of_.find(std::string(product_id));
    if (it == slot_of_.end()) return;
    const uint32_t slot = it->second;
    slot_of_.erase(it);
    live_.reset(slot);
    reserved_stock_.erase(slot);
    for (uint32_t row = first_row_[slot]; row < first_row_[slot] + row_count_[slot]; ++row) {
        row_slot_[row] = kNone;
        const uint32_t end = row + 1 < row_terms_begin_.size() ? row_terms_begin_[row + 1]
                                                               : static_cast<uint32_t>(row_terms_.size());
        for (uint32_t i = row_terms_begin_[row]; i < end; ++i) --terms_[row_terms_[i]].live_rows;
        for (int field = 0; field < kFields; ++field) total_length_[field] -= row_length_[row][field];
        --live_rows_;
        ++stale_rows_;
    }
}

bool MemorySearchIndex::worth_rebuilding() const { return stale_rows_ > 10000 && stale_rows_ > live_rows_; }

std::span<const uint32_t> MemorySearchIndex::facets_of(uint32_t slot) const {
    const std::size_t end = slot + 1 < facets_begin_.size() ? facets_begin_[slot + 1] : facets_.size();
    return std::span<const uint32_t>(facets_).subspan(facets_begin_[slot], end - facets_begin_[slot]);
}

bool MemorySearchIndex::in_stock(uint32_t slot, int64_t now_ms) const {
    if (availability_[slot] != Availability::on_reservations) return availability_[slot] == Availability::always;
    for (const auto& variant : reserved_stock_.at(slot)) {
        int64_t available = variant.on_hand;
        for (const auto& [quantity, expires_ms] : variant.reservations)
            if (expires_ms > now_ms) available -= quantity;
        if (available > 0) return true;
    }
    return false;
}

}  // namespace commerce::sqlite
