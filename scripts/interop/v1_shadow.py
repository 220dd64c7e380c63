"""Checks v1-signed requests of tc-api with the official Python SDK's signing code.

Usage: v1_shadow.py DUMP

DUMP holds one JSON object per line (written by the test
v1_business_language_and_request_client_win_and_are_sent_once): method, host, path,
the decoded form pairs as sent, and the key they were signed with. For each request,
no parameter name may repeat, and the Signature must equal the one the SDK computes:
its own source string (AbstractClient._format_sign_string) and HMAC (Sign.sign) over
the received parameters. Prints one line per request; exits non-zero on a mismatch.
"""

import json
import sys

from tencentcloud.common import credential
from tencentcloud.common.abstract_client import AbstractClient
from tencentcloud.common.profile.client_profile import ClientProfile
from tencentcloud.common.profile.http_profile import HttpProfile
from tencentcloud.common.sign import Sign


def sdk_signature(request, params):
    http = HttpProfile(endpoint=request["host"], reqMethod=request["method"])
    profile = ClientProfile(signMethod=params["SignatureMethod"], httpProfile=http)
    cred = credential.Credential(params["SecretId"], request["secret_key"])
    client = AbstractClient(cred, None, profile=profile)
    client._requestPath = request["path"]
    source = client._format_sign_string(params)
    return Sign.sign(request["secret_key"], source, params["SignatureMethod"])


def main():
    failures = []
    count = 0
    with open(sys.argv[1]) as dump:
        for number, line in enumerate(dump, 1):
            request = json.loads(line)
            pairs = request["params"]
            names = [name for name, _ in pairs]
            repeated = sorted({name for name in names if names.count(name) > 1})
            if repeated:
                failures.append(f"request {number}: repeated parameters {repeated}")
                continue
            params = dict(pairs)
            given = params.pop("Signature")
            expected = sdk_signature(request, params)
            if given != expected:
                failures.append(f"request {number}: Signature {given} != SDK's {expected}")
                continue
            count += 1
            print(
                f"ok   {request['method']:4} {params['SignatureMethod']:10} {params['Action']:24} "
                f"Language={params.get('Language')!r} RequestClient={params.get('RequestClient')!r}"
            )
    for failure in failures:
        print(f"FAIL {failure}")
    if failures or count == 0:
        sys.exit(1)
    print(f"v1 shadowing: {count} requests signed as the Python SDK signs them")


if __name__ == "__main__":
    main()
