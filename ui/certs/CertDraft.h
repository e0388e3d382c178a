#pragma once

#include "core/tls/BatchIssuer.h"
#include "core/tls/CertificateAuthority.h"
#include "core/tls/NodeIssuer.h"

#include <optional>

namespace raysec::ui {

// What the certificate wizard's pages fill in and read: the CA, the issue settings, the nodes,
// and the certificates issued, which stay in memory until the export page writes them.
struct CertDraft
{
    std::optional<tls::CertificateAuthority> ca;
    QString caName;
    bool caIsNew = false;
    bool caStored = false;

    tls::IssueSettings settings;
    QList<tls::NodeEntry> nodes;

    QList<tls::IssuedNode> issued;
    QString exportedDir;

    void clearIssued()
    {
        issued.clear();
        exportedDir.clear();
    }
};

} // namespace raysec::ui
