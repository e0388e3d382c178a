#include "core/gatewayclient/PrometheusParser.h"

#include <QCoreApplication>

#include <charconv>
#include <cmath>
#include <limits>
#include <set>
#include <string_view>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::PrometheusParser)
};

std::unexpected<Error> malformed(int line, const QString& why)
{
    return fail(QStringLiteral("prometheus.malformed"),
                Text::tr("Line %1 of the metrics cannot be read: %2.").arg(line).arg(why),
                Text::tr("Check that the address is the gateway's admin listener and that nothing "
                         "between the console and the gateway rewrites the answer."));
}

bool isNameStart(char c, bool allowColon)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (allowColon && c == ':');
}

bool isNameChar(char c, bool allowColon)
{
    return isNameStart(c, allowColon) || (c >= '0' && c <= '9');
}

// Takes a metric (allowColon) or label name from the front of `rest`; empty when there is none.
std::string_view takeName(std::string_view& rest, bool allowColon)
{
    if (rest.empty() || !isNameStart(rest.front(), allowColon)) {
        return {};
    }
    std::size_t n = 1;
    while (n < rest.size() && isNameChar(rest[n], allowColon)) {
        ++n;
    }
    const std::string_view name = rest.substr(0, n);
    rest.remove_prefix(n);
    return name;
}

std::optional<double> parseNumber(std::string_view text)
{
    if (text == "+Inf" || text == "Inf") {
        return std::numeric_limits<double>::infinity();
    }
    if (text == "-Inf") {
        return -std::numeric_limits<double>::infinity();
    }
    if (text == "NaN") {
        return std::numeric_limits<double>::quiet_NaN();
    }
    if (!text.empty() && text.front() == '+') {
        text.remove_prefix(1);
    }
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

// A quoted label value with \\, \" and \n escapes; the opening quote is already consumed.
Result<QString> takeLabelValue(std::string_view& rest, int line)
{
    std::string value;
    while (!rest.empty()) {
        const char c = rest.front();
        rest.remove_prefix(1);
        if (c == '"') {
            return QString::fromUtf8(value.data(), qsizetype(value.size()));
        }
        if (c != '\\') {
            value += c;
            continue;
        }
        if (rest.empty()) {
            break;
        }
        const char escaped = rest.front();
        rest.remove_prefix(1);
        if (escaped == 'n') {
            value += '\n';
        } else if (escaped == '\\' || escaped == '"') {
            value += escaped;
        } else {
            return malformed(line, Text::tr("unknown escape in a label value"));
        }
    }
    return malformed(line, Text::tr("a label value is not closed by a quote"));
}

Result<std::map<QString, QString>> takeLabels(std::string_view& rest, int line)
{
    std::map<QString, QString> labels;
    rest.remove_prefix(1); // '{'
    while (!rest.empty() && rest.front() != '}') {
        const std::string_view name = takeName(rest, false);
        if (name.empty()) {
            return malformed(line, Text::tr("a label name is missing or invalid"));
        }
        if (rest.size() < 2 || rest[0] != '=' || rest[1] != '"') {
            return malformed(line, Text::tr("a label needs =\"value\""));
        }
        rest.remove_prefix(2);
        auto value = takeLabelValue(rest, line);
        if (!value) {
            return std::unexpected(value.error());
        }
        const QString key = QString::fromLatin1(name.data(), qsizetype(name.size()));
        if (!labels.emplace(key, *value).second) {
            return malformed(line, Text::tr("the label %1 appears twice").arg(key));
        }
        if (!rest.empty() && rest.front() == ',') {
            rest.remove_prefix(1);
        } else if (rest.empty() || rest.front() != '}') {
            return malformed(line, Text::tr("labels must be separated by commas"));
        }
    }
    if (rest.empty()) {
        return malformed(line, Text::tr("the label set is not closed by }"));
    }
    rest.remove_prefix(1);
    return labels;
}

Result<PrometheusSample> parseSample(std::string_view rest, int line)
{
    PrometheusSample sample;
    const std::string_view name = takeName(rest, true);
    if (name.empty()) {
        return malformed(line, Text::tr("a metric name is missing or invalid"));
    }
    sample.name = QString::fromLatin1(name.data(), qsizetype(name.size()));
    if (!rest.empty() && rest.front() == '{') {
        auto labels = takeLabels(rest, line);
        if (!labels) {
            return std::unexpected(labels.error());
        }
        sample.labels = std::move(*labels);
    }
    if (rest.empty() || rest.front() != ' ') {
        return malformed(line, Text::tr("a space and a value must follow the metric name"));
    }
    const std::size_t valueStart = rest.find_first_not_of(' ');
    if (valueStart == std::string_view::npos) {
        return malformed(line, Text::tr("the value is missing"));
    }
    rest.remove_prefix(valueStart);
    const std::size_t space = rest.find(' ');
    const auto value = parseNumber(rest.substr(0, space));
    if (!value) {
        return malformed(line, Text::tr("the value is not a number"));
    }
    sample.value = *value;
    if (space != std::string_view::npos) {
        std::int64_t timestamp = 0;
        const std::string_view stamp = rest.substr(space + 1);
        const auto [end, ec] =
            std::from_chars(stamp.data(), stamp.data() + stamp.size(), timestamp);
        if (stamp.empty() || ec != std::errc() || end != stamp.data() + stamp.size()) {
            return malformed(line, Text::tr("the timestamp after the value is not an integer"));
        }
    }
    return sample;
}

Result<void> parseComment(std::string_view rest, int line, PrometheusScrape& scrape)
{
    // "# HELP name text" and "# TYPE name type" carry meaning; any other comment is ignored.
    if (!rest.starts_with("# TYPE ")) {
        return {};
    }
    rest.remove_prefix(7);
    const std::string_view name = takeName(rest, true);
    if (name.empty() || rest.empty() || rest.front() != ' ') {
        return malformed(line, Text::tr("a TYPE line needs a metric name and a type"));
    }
    rest.remove_prefix(1);
    static const std::set<std::string_view> known = {"counter", "gauge", "histogram", "summary",
                                                     "untyped"};
    if (!known.contains(rest)) {
        return malformed(line, Text::tr("unknown metric type"));
    }
    const QString key = QString::fromLatin1(name.data(), qsizetype(name.size()));
    if (!scrape.types.emplace(key, QString::fromLatin1(rest.data(), qsizetype(rest.size())))
             .second) {
        return malformed(line, Text::tr("the metric %1 is declared twice").arg(key));
    }
    return {};
}

bool hasControlCharacter(std::string_view line)
{
    for (const char c : line) {
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f) {
            return true;
        }
    }
    return false;
}

} // namespace

Result<PrometheusScrape> PrometheusParser::parse(QByteArrayView text, qsizetype maxBytes)
{
    if (text.size() > maxBytes) {
        return fail(QStringLiteral("prometheus.too-large"),
                    Text::tr("The metrics answer is %1 bytes, more than the %2 bytes accepted.")
                        .arg(text.size())
                        .arg(maxBytes),
                    Text::tr("Check that the address is the gateway's admin listener."));
    }
    PrometheusScrape scrape;
    std::set<std::pair<QString, std::map<QString, QString>>> seen;
    std::string_view rest(text.data(), std::size_t(text.size()));
    int line = 0;
    while (!rest.empty()) {
        ++line;
        const std::size_t end = rest.find('\n');
        std::string_view current = rest.substr(0, end);
        rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
        if (hasControlCharacter(current)) {
            return malformed(line, Text::tr("it holds a control character"));
        }
        if (current.empty()) {
            continue;
        }
        if (current.front() == '#') {
            if (auto ok = parseComment(current, line, scrape); !ok) {
                return std::unexpected(ok.error());
            }
            continue;
        }
        auto sample = parseSample(current, line);
        if (!sample) {
            return std::unexpected(sample.error());
        }
        if (!seen.emplace(sample->name, sample->labels).second) {
            return malformed(line, Text::tr("the series %1 appears twice").arg(sample->name));
        }
        if (scrape.samples.size() >= maxSamples) {
            return malformed(line, Text::tr("more than %1 samples").arg(maxSamples));
        }
        scrape.samples.push_back(std::move(*sample));
    }
    if (scrape.samples.empty()) {
        return fail(QStringLiteral("prometheus.empty"),
                    Text::tr("The metrics answer holds no samples."),
                    Text::tr("Check that the address is the gateway's admin listener."));
    }
    scrape.takenAt = QDateTime::currentDateTimeUtc();
    return scrape;
}

} // namespace raysec
