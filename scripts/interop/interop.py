"""Calls the tc-api emulator with the official Tencent Cloud Python SDK.

Usage: interop.py URL SECRET_ID SECRET_KEY

tencentcloud.common.common_client.CommonClient calls the seeded action
tcmpp.ReleaseMNPVersion (2024-08-01) in all six combinations of HTTP method
(POST, GET) and signature (TC3-HMAC-SHA256, HmacSHA1, HmacSHA256). Each must be
accepted and answer the documented response with a fresh RequestId; the same
call signed with a wrong key must be refused with AuthFailure.SignatureFailure.
Prints one line per check and exits non-zero on any mismatch.
"""

import re
import sys

import tencentcloud
from tencentcloud.common import credential
from tencentcloud.common.common_client import CommonClient
from tencentcloud.common.exception.tencent_cloud_sdk_exception import (
    TencentCloudSDKException,
)
from tencentcloud.common.profile.client_profile import ClientProfile
from tencentcloud.common.profile.http_profile import HttpProfile

SERVICE, VERSION, ACTION, REGION = "tcmpp", "2024-08-01", "ReleaseMNPVersion", "ap-guangzhou"
PARAMS = {"MNPVersionId": 2597, "PlatformId": "T04257DS9431720WTAG"}
DOCUMENTED = {"Data": {"Result": True}}
METHODS = ("POST", "GET")
SIGNATURES = ("TC3-HMAC-SHA256", "HmacSHA1", "HmacSHA256")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def client(endpoint, secret_id, secret_key, method, signature):
    http = HttpProfile(endpoint=endpoint, reqMethod=method, reqTimeout=10)
    http.scheme = "http"
    profile = ClientProfile(signMethod=signature, httpProfile=http)
    cred = credential.Credential(secret_id, secret_key)
    return CommonClient(SERVICE, VERSION, cred, REGION, profile=profile)


def main():
    url, secret_id, secret_key = sys.argv[1:4]
    endpoint = re.sub(r"^http://", "", url).rstrip("/")
    print(f"tencentcloud-sdk-python-common {tencentcloud.__version__} -> {endpoint}")
    failures = []
    request_ids = set()
    for method in METHODS:
        for signature in SIGNATURES:
            combo = f"{method:4} {signature:15}"
            # Accepted, with the documented answer.
            try:
                answer = client(endpoint, secret_id, secret_key, method, signature).call_json(
                    ACTION, PARAMS
                )
                response = answer["Response"]
                request_id = response.pop("RequestId", "")
                if response != DOCUMENTED:
                    failures.append(f"{combo} accepted but answered {answer}")
                elif not UUID.match(request_id) or request_id in request_ids:
                    failures.append(f"{combo} RequestId {request_id!r} is not a fresh UUID")
                else:
                    request_ids.add(request_id)
                    print(f"ok   {combo} accepted        RequestId {request_id}")
            except TencentCloudSDKException as error:
                failures.append(f"{combo} refused: {error.get_code()}: {error.get_message()}")
            # A wrong key is refused as the cloud refuses it.
            try:
                answer = client(
                    endpoint, secret_id, secret_key + "-wrong", method, signature
                ).call_json(ACTION, PARAMS)
                failures.append(f"{combo} wrong key accepted: {answer}")
            except TencentCloudSDKException as error:
                if error.get_code() == "AuthFailure.SignatureFailure" and error.get_request_id():
                    print(f"ok   {combo} wrong key refused: {error.get_code()}")
                else:
                    failures.append(
                        f"{combo} wrong key: expected AuthFailure.SignatureFailure, got "
                        f"{error.get_code()}: {error.get_message()} (RequestId {error.get_request_id()!r})"
                    )
    for failure in failures:
        print(f"FAIL {failure}")
    checks = 2 * len(METHODS) * len(SIGNATURES)
    print(f"{checks - len(failures)}/{checks} checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
