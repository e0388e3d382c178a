#pragma once

#include "core/common/Error.h"

#include <QString>

#include <set>
#include <string>
#include <string_view>

namespace raysec {

// A set of refused passwords, stored case-folded so that lookups are case-insensitive. The
// bundled list (resources/blocklist) ships in the binary; admins import more.
class Blocklist
{
public:
    // The list compiled into Raysec, loaded once.
    static const Blocklist& bundled();

    // Parses one entry a line (UTF-8; blank lines and lines starting with "#!comment" skipped).
    // Entries are NFKC-normalised and case-folded. Fails on text that is not UTF-8.
    static Result<Blocklist> parse(const QByteArray& text);
    // Case-folds one entry the way the list stores it.
    static std::string fold(const QString& entry);

    void insert(std::string foldedEntry) { m_entries.insert(std::move(foldedEntry)); }
    // `folded` must already be NFKC-normalised and case-folded (PasswordText::caseFolded).
    bool contains(std::string_view folded) const;
    std::size_t size() const { return m_entries.size(); }
    const std::set<std::string, std::less<>>& entries() const { return m_entries; }

private:
    std::set<std::string, std::less<>> m_entries;
};

} // namespace raysec
