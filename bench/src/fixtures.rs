//! The bodies the figures decode, built deterministically so every run and both languages see
//! the same bytes.

use serde_json::{Value, json};

/// A DescribeCompShareImages answer with 3 images, about 1.3 KB, with drifted types: numbers
/// as strings, flags as "True", an unknown enum value and members no spec names.
pub fn images() -> Value {
    let image = |i: usize, status: &str| {
        json!({
            "CompShareImageId": format!("compshareImage-{i:04}"),
            "Name": format!("PyTorch 2.{i} CUDA 12.1"),
            "ImageType": "System",
            "Author": "UCloud",
            "AuthInfo": "2",
            "Status": status,
            "Tags": ["深度学习", "PyTorch"],
            "Size": 20480,
            "Price": "0.5",
            "Container": "True",
            "CreateTime": 1_700_000_000 + i,
            "PubTime": format!("{}", 1_700_000_100 + i),
            "Softwares": {"CUDAVersion": "12.1", "Framework": "PyTorch", "FrameworkVersion": "2.1"},
            "Owner": {"AccountName": "ucloud", "AccountId": 42},
            "NewField": {"Since": "2026"}
        })
    };
    json!({
        "Action": "DescribeCompShareImagesResponse",
        "RetCode": 0,
        "TotalCount": "3",
        "ImageSet": [image(1, "Available"), image(2, "Available"), image(3, "Deprecating")]
    })
}

/// A DescribeCompShareInstance page of `n` instances with every documented field, members no
/// spec names (as live answers carry) and drifted types.
pub fn instances(n: usize) -> Value {
    let set: Vec<Value> = (0..n).map(instance).collect();
    json!({
        "Action": "DescribeCompShareInstanceResponse",
        "RetCode": 0,
        "TotalCount": n,
        "UHostSet": set
    })
}

fn instance(i: usize) -> Value {
    let state = ["Running", "Stopped", "Starting", "Hibernating"][i % 4];
    json!({
        "Zone": "cn-wlcb-01",
        "UHostId": format!("uhost-{i:06x}"),
        "MachineType": "G",
        "CpuPlatform": "Amd/Auto",
        "CompShareImageId": "compshareImage-1x2y3z",
        "CompShareImageName": "PyTorch 2.1 CUDA 12.1",
        "CompShareImageOwnerAlias": "Official",
        "CompShareImageBillId": "bill-7788",
        "CompShareImageStatus": "Available",
        "CompShareImageType": "System",
        "CompShareImagePrice": "0",
        "InstanceType": "UHost",
        "Password": "c2VjcmV0LXBhc3N3b3Jk",
        "SshLoginCommand": format!("ssh -p 23 root@117.50.{}.{}", i % 250, (i / 250) % 250),
        "Name": format!("训练机-{i}"),
        "Tag": "Default",
        "Remark": "",
        "State": state,
        "ChargeType": if i.is_multiple_of(3) { "Postpay" } else { "Dynamic" },
        "CPU": "16",
        "Memory": 65536.0,
        "GpuType": "4090",
        "GPU": 1,
        "GraphicsMemory": {"Value": 24, "Rate": 1},
        "AutoRenew": "Yes",
        "IsExpire": "No",
        "OsName": "Ubuntu 22.04",
        "OsType": "Linux",
        "TotalDiskSpace": 200,
        "CpuArch": "x86_64",
        "DiskSet": [
            {"DiskId": format!("bsm-{i}-0"), "Drive": "vda", "Type": "Boot", "Size": "200", "IsBoot": "True", "DiskType": "CLOUD_SSD", "Encrypted": "False"},
            {"DiskId": format!("bsm-{i}-1"), "Drive": "vdb", "Type": "Data", "Size": 500, "IsBoot": "False", "DiskType": "CLOUD_RSSD", "Encrypted": "False"}
        ],
        "IPSet": [
            {"Type": "Private", "IP": format!("10.9.{}.{}", i % 250, i / 250), "Bandwidth": 0, "Default": "True", "Mac": "52:54:00:00:00:01"},
            {"Type": "BGP", "IP": format!("117.50.{}.{}", i % 250, (i / 250) % 250), "Bandwidth": "100", "Default": "False"}
        ],
        "Softwares": [
            {"Name": "JupyterLab", "URL": format!("https://jupyter-{i}.compshare.cn")},
            {"Name": "SSH", "URL": ""}
        ],
        "InstancePrice": "2.18",
        "CreateTime": 1_700_000_000 + i,
        "ExpireTime": 1_900_000_000i64,
        "StartTime": 1_700_000_100 + i,
        "StopTime": 0,
        "UpdateTime": "1700000200",
        "PostPayShutdown": "false",
        "SupportWithoutGpuStart": true,
        "UUID": format!("6f1c1f5e-0000-4000-8000-{i:012}"),
        "HostIp": "10.64.1.2",
        "PodId": "pod-1",
        "SetId": 9,
        // Members no spec names, as live answers carry them.
        "RestrictMode": "Cycle",
        "HostType": "N",
        "HotPlugMaxCpu": 0,
        "SecGroupInstance": [{"SecGroupId": "firewall-1", "Priority": 1}],
        "KeyPair": {}
    })
}
