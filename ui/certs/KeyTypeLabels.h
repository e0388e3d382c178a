#pragma once

#include "core/tls/KeyType.h"

class QComboBox;

namespace raysec::ui {

// The name a person reads for a key type ("ECDSA P-256 (recommended)").
QString keyTypeLabel(tls::KeyType type);
// Fills a combo box with every key type (the type as item data) and selects ECDSA P-256.
void fillKeyTypes(QComboBox* box);
tls::KeyType selectedKeyType(const QComboBox* box);

} // namespace raysec::ui
