#pragma once

#include "doctor/DoctorCheck.h"

namespace socketscope {

// Nautobot answers at its URL over valid TLS, and says which API version it speaks (API-Version
// header, sent even before authentication).
class NautobotReachableCheck final : public DoctorCheck
{
public:
    NautobotReachableCheck();

protected:
    void run() override;
};

// The Nautobot token is accepted (GET api/status/); 403 is told apart as missing, invalid or expired.
class NautobotTokenCheck final : public DoctorCheck
{
public:
    NautobotTokenCheck();

protected:
    void run() override;
};

// The ChatOps app is installed, in a version whose Socket Mode works (≥ 3.1.3).
class ChatOpsInstalledCheck final : public DoctorCheck
{
public:
    ChatOpsInstalledCheck();

protected:
    void run() override;
};

// At least one Celery worker runs; without one ChatOps enqueues commands nobody answers.
class CeleryWorkersCheck final : public DoctorCheck
{
public:
    CeleryWorkersCheck();

protected:
    void run() override;
};

} // namespace socketscope
