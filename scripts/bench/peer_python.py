"""The Python half of scripts/bench/peer_python.sh: the official SDK calls the emulator.

Usage: peer_python.py URL SECRET_ID SECRET_KEY CALLS

tencentcloud.common.common_client.CommonClient (TC3-HMAC-SHA256, POST, keep-alive, one
requests.Session, so one connection) calls iotexplorer.DescribeBatchProduction
(2019-04-23) CALLS times, one after another, after a short warm-up, and prints
`calls CALLS seconds S rate R/s`.
"""

import re
import sys
import time

from tencentcloud.common import credential
from tencentcloud.common.common_client import CommonClient
from tencentcloud.common.profile.client_profile import ClientProfile
from tencentcloud.common.profile.http_profile import HttpProfile

SERVICE, VERSION, ACTION, REGION = "iotexplorer", "2019-04-23", "DescribeBatchProduction", "ap-guangzhou"
PARAMS = {"ProductId": "R32ONVL0EU", "BatchProductionId": "LC-ya6zinv9"}
WARM_UP_CALLS = 50


def main():
    url, secret_id, secret_key, calls = sys.argv[1:5]
    calls = int(calls)
    http = HttpProfile(endpoint=re.sub(r"^http://", "", url).rstrip("/"), reqMethod="POST",
                       reqTimeout=10, keepAlive=True)
    http.scheme = "http"
    profile = ClientProfile(signMethod="TC3-HMAC-SHA256", httpProfile=http)
    client = CommonClient(SERVICE, VERSION, credential.Credential(secret_id, secret_key), REGION,
                          profile=profile)
    for _ in range(WARM_UP_CALLS):
        client.call_json(ACTION, PARAMS)
    started = time.perf_counter()
    for _ in range(calls):
        answer = client.call_json(ACTION, PARAMS)
        if answer["Response"].get("BatchCnt") != 3:
            print(f"unexpected answer: {answer}", file=sys.stderr)
            return 1
    seconds = time.perf_counter() - started
    print(f"calls {calls} seconds {seconds:.3f} rate {calls / seconds:.0f}/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
