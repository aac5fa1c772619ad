#pragma once

#include <QString>

namespace socketscope::sim {

class NautobotStore;
struct NautobotSimConfig;

// The sample data: locations ams01/fra01/nyc01, device roles, types, manufacturers and statuses,
// devices (config.devicesPerLocation per location), VLAN groups and VLANs, circuit providers,
// types and circuits, users and permissions, and the ChatOps app's models (access grants,
// command log, account links). UUIDs are stable between runs.
namespace NautobotInventory {

void seed(NautobotStore &store, const NautobotSimConfig &config);

// Permissive grants (* * organization/channel/user *), as the ChatOps docs' example.
void addPermissiveGrants(NautobotStore &store);
// Blocked and errored command-log rows a doctor should find.
void addProblemCommandLogRows(NautobotStore &store);

QString isoTimestamp(qint64 msecsSinceEpoch);

// Object types
inline const QString kLocation = QStringLiteral("dcim.location");
inline const QString kLocationType = QStringLiteral("dcim.locationtype");
inline const QString kDevice = QStringLiteral("dcim.device");
inline const QString kDeviceType = QStringLiteral("dcim.devicetype");
inline const QString kManufacturer = QStringLiteral("dcim.manufacturer");
inline const QString kRole = QStringLiteral("extras.role");
inline const QString kStatus = QStringLiteral("extras.status");
inline const QString kVlanGroup = QStringLiteral("ipam.vlangroup");
inline const QString kVlan = QStringLiteral("ipam.vlan");
inline const QString kProvider = QStringLiteral("circuits.provider");
inline const QString kCircuitType = QStringLiteral("circuits.circuittype");
inline const QString kCircuit = QStringLiteral("circuits.circuit");
inline const QString kUser = QStringLiteral("users.user");
inline const QString kPermission = QStringLiteral("users.objectpermission");
inline const QString kAccessGrant = QStringLiteral("nautobot_chatops.accessgrant");
inline const QString kCommandLog = QStringLiteral("nautobot_chatops.commandlog");
inline const QString kAccountLink = QStringLiteral("nautobot_chatops.chatopsaccountlink");

} // namespace NautobotInventory

} // namespace socketscope::sim
