#pragma once

#include "core/common/Error.h"
#include "sim/ClusterModel.h"
#include "sim/PortDecoys.h"
#include "sim/RaySimServer.h"
#include "sim/SimOptions.h"

#include <QObject>
#include <QTemporaryDir>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <memory>

namespace raysec::sim {

// Puts one simulated head together from the options: reads the token, builds the cluster,
// makes the certificates, listens, opens the decoy ports and starts the clock. start() returns
// the ready line that raysec-sim prints.
class SimRunner : public QObject
{
    Q_OBJECT

public:
    explicit SimRunner(SimOptions options, QObject* parent = nullptr);

    Result<nlohmann::json> start();

private:
    Result<AuthGate> readToken() const;
    Result<QString> prepareStateDir();
    Result<QString> setUpTls();
    void buildCluster();

    SimOptions m_options;
    std::unique_ptr<QTemporaryDir> m_temporaryDir;
    QString m_stateDir;
    std::unique_ptr<ClusterModel> m_model;
    RaySimServer* m_server = nullptr;
    PortDecoys* m_decoys = nullptr;
    QTimer m_clock;
};

} // namespace raysec::sim
