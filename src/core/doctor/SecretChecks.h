#pragma once

#include "doctor/DoctorCheck.h"
#include "secrets/SecretKind.h"

namespace socketscope {

// The keychain answers (KeychainProbe), when any secret has to come from it.
class KeychainReachableCheck final : public DoctorCheck
{
public:
    KeychainReachableCheck();

protected:
    void run() override;
};

// The profile's extra CA bundle (for a TLS-inspecting proxy or a private CA) loads.
class CaBundleCheck final : public DoctorCheck
{
public:
    CaBundleCheck();

protected:
    void run() override;
};

// One secret is present and well-formed; names where it came from, never the value.
class SecretPresentCheck final : public DoctorCheck
{
public:
    SecretPresentCheck(QString id, SecretKind kind, QString usedFor, bool required);

protected:
    void run() override;

private:
    SecretKind m_kind;
    QString m_usedFor;
    bool m_required;
};

} // namespace socketscope
