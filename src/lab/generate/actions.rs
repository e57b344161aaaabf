//! The action table: every API call the generator can emit, with its relative popularity.
//!
//! Weights are hand-set to follow the long tail of real trails: a few read calls (`GetObject`,
//! Decrypt, `AssumeRole`, `GetQuantumTask`) dominate, and most mutating calls are rare.

#![allow(
    clippy::enum_glob_use,
    clippy::wildcard_imports,
    reason = "the table reads as data: short variant and service names keep one action a line"
)]

use super::catalog::{
    Action, Braket as B, Fields as FieldList, Kms as K, Ref::*, Shape::*, Transition, act, flag,
    svc::*, who,
};

const H: u8 = who::HUMAN;
const C: u8 = who::CI;
const A: u8 = who::APP;
const S: u8 = who::SERVICE;
const R: u8 = who::ROOT;
const T: u8 = who::TOOL;
const RO: u8 = flag::READ;
const W: u8 = 0;
const D: u8 = flag::DATA;
const RD: u8 = flag::READ | flag::DATA;

const ROLE: FieldList = &[("roleName", Role)];
const USER: FieldList = &[("userName", User)];
const POLICY: FieldList = &[("policyArn", PolicyArn)];
const ROLE_POLICY: FieldList = &[("roleName", Role), ("policyArn", PolicyArn)];
const KEY: FieldList = &[("keyId", KmsArn)];
const FUNCTION: FieldList = &[("functionName", Function)];
const LOG_GROUP: FieldList = &[("logGroupName", LogGroup)];
const TRAIL: FieldList = &[("trailName", TrailArn)];
const SECRET: FieldList = &[("secretId", Secret)];
const REPO: FieldList = &[("repositoryName", Repo), ("registryId", Account)];
const CLUSTER: FieldList = &[("cluster", Cluster)];
const TABLE: FieldList = &[("tableName", Table)];
const TOPIC: FieldList = &[("topicArn", TopicArn)];
const QUEUE: FieldList = &[("queueUrl", QueueUrl)];
const STACK: FieldList = &[("stackName", Stack)];
const SSO_INSTANCE: FieldList = &[("instanceArn", SsoInstance)];
const PERMISSION_SET: FieldList = &[
    ("instanceArn", SsoInstance),
    ("permissionSetArn", PermissionSet),
];
const ASSUME_POLICY: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
const INLINE_POLICY: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["braket:GetQuantumTask","braket:SearchQuantumTasks"],"Resource":"*"}]}"#;

const START: Transition = Some(((80, "stopped"), (0, "pending")));
const STOP: Transition = Some(((16, "running"), (64, "stopping")));
const TERMINATE: Transition = Some(((16, "running"), (32, "shutting-down")));

#[rustfmt::skip]
pub const ACTIONS: &[Action] = &[
    act(BRAKET, "GetQuantumTask", 900, H | C | A, RO, Braket(B::GetTask)),
    act(BRAKET, "CreateQuantumTask", 260, H | C | A, W, Braket(B::CreateTask)),
    act(BRAKET, "CancelQuantumTask", 25, H | C | A, W, Braket(B::CancelTask)),
    act(BRAKET, "SearchQuantumTasks", 120, H | C | A, RO, Braket(B::SearchTasks)),
    act(BRAKET, "CreateJob", 20, H | C, W, Braket(B::CreateJob)),
    act(BRAKET, "GetJob", 150, H | C | A, RO, Braket(B::GetJob)),
    act(BRAKET, "CancelJob", 6, H | C, W, Braket(B::CancelJob)),
    act(BRAKET, "SearchJobs", 35, H | C, RO, Braket(B::SearchJobs)),
    act(BRAKET, "GetDevice", 400, H | C | A, RO, Braket(B::GetDevice)),
    act(BRAKET, "SearchDevices", 140, H | C | A | T, RO, Braket(B::SearchDevices)),
    act(BRAKET, "ListTagsForResource", 30, H | C | T, RO, Braket(B::ListTags)),
    act(BRAKET, "TagResource", 8, H | C, W, Braket(B::Tag)),
    act(BRAKET, "UntagResource", 3, H, W, Braket(B::Untag)),

    act(S3, "GetObject", 700, H | C | A | S | T, RD, S3Object),
    act(S3, "PutObject", 300, H | C | A | S, D, S3Object),
    act(S3, "HeadObject", 150, H | C | A, RD, S3Object),
    act(S3, "DeleteObject", 40, H | C | A, D, S3Object),
    act(S3, "ListObjects", 100, H | C | A | T, RD, S3Bucket("list-type")),
    act(S3, "GetBucketLocation", 90, H | C | A | T, RO, S3Bucket("location")),
    act(S3, "ListBuckets", 90, H | C | T | R, RO, Fields(&[("Host", Lit("s3.amazonaws.com"))])),
    act(S3, "GetBucketAcl", 60, H | T, RO, S3Bucket("acl")),
    act(S3, "GetBucketPolicy", 50, H | T, RO, S3Bucket("policy")),
    act(S3, "GetBucketVersioning", 40, H | T, RO, S3Bucket("versioning")),
    act(S3, "GetBucketEncryption", 40, H | T, RO, S3Bucket("encryption")),
    act(S3, "GetBucketTagging", 35, H | T, RO, S3Bucket("tagging")),
    act(S3, "GetBucketPublicAccessBlock", 30, T, RO, S3Bucket("publicAccessBlock")),
    act(S3, "GetBucketLifecycle", 15, T, RO, S3Bucket("lifecycle")),
    act(S3, "PutBucketPolicy", 4, H | C, W, S3Bucket("policy")),
    act(S3, "PutBucketTagging", 4, H | C, W, S3Bucket("tagging")),
    act(S3, "CreateBucket", 2, H | C, W, S3Bucket("")),

    act(EC2, "DescribeInstances", 300, H | C | A | T, RO, Ec2Instances(None)),
    act(EC2, "DescribeInstanceStatus", 80, H | A | T, RO, Ec2Instances(None)),
    act(EC2, "DescribeVolumes", 60, H | T, RO, Ec2Set("volumeSet")),
    act(EC2, "DescribeSecurityGroups", 70, H | C | T, RO, Ec2Set("securityGroupIdSet")),
    act(EC2, "DescribeVpcs", 50, H | C | T, RO, Ec2Set("vpcSet")),
    act(EC2, "DescribeSubnets", 50, H | C | T, RO, Ec2Set("subnetSet")),
    act(EC2, "DescribeImages", 35, H | C | T, RO, Ec2Set("imagesSet")),
    act(EC2, "DescribeSnapshots", 20, T, RO, Ec2Set("snapshotSet")),
    act(EC2, "DescribeRegions", 40, H | C | A | T, RO, Ec2Set("regionSet")),
    act(EC2, "DescribeAvailabilityZones", 30, H | C | T, RO, Ec2Set("availabilityZoneSet")),
    act(EC2, "DescribeNetworkInterfaces", 35, A | T, RO, Ec2Set("networkInterfaceIdSet")),
    act(EC2, "DescribeRouteTables", 20, C | T, RO, Ec2Set("routeTableIdSet")),
    act(EC2, "DescribeAddresses", 15, H | T, RO, Ec2Set("publicIpsSet")),
    act(EC2, "DescribeKeyPairs", 12, H | T, RO, Ec2Set("keySet")),
    act(EC2, "DescribeLaunchTemplates", 10, C, RO, Ec2Set("launchTemplateIdSet")),
    act(EC2, "DescribeAccountAttributes", 15, H | C | T, RO, Ec2Set("accountAttributeNameSet")),
    act(EC2, "DescribeInstanceTypes", 25, H | C, RO, Ec2Set("instanceTypeSet")),
    act(EC2, "RunInstances", 6, H | C, W, RunInstances),
    act(EC2, "StartInstances", 5, H, W, Ec2Instances(START)),
    act(EC2, "StopInstances", 5, H, W, Ec2Instances(STOP)),
    act(EC2, "TerminateInstances", 3, H | C, W, Ec2Instances(TERMINATE)),
    act(EC2, "CreateTags", 10, H | C | S, W, Ec2Tags),
    act(EC2, "DeleteTags", 2, H, W, Ec2Tags),
    act(EC2, "AuthorizeSecurityGroupIngress", 3, H | C, W, Fields(&[("groupId", SecurityGroup)])),
    act(EC2, "CreateSnapshot", 3, S, W, Fields(&[("volumeId", Volume), ("description", Lit("Created by AWS Backup"))])),
    act(EC2, "DeleteSnapshot", 2, S, W, Fields(&[("snapshotId", Fresh("snap-0"))])),
    act(EC2, "CreateNetworkInterface", 4, S, W, Fields(&[("subnetId", Subnet), ("description", Lit("AWS Lambda VPC ENI-results-indexer"))])),
    act(EC2, "DeleteNetworkInterface", 3, S, W, Fields(&[("networkInterfaceId", Fresh("eni-0"))])),

    act(IAM, "GetRole", 90, H | C | A | T, RO, Fields(ROLE)),
    act(IAM, "ListRoles", 40, H | C | T, RO, Null),
    act(IAM, "GetUser", 35, H | T, RO, Fields(USER)),
    act(IAM, "ListUsers", 25, H | T | R, RO, Null),
    act(IAM, "GetPolicy", 40, H | C | T, RO, Fields(POLICY)),
    act(IAM, "GetPolicyVersion", 35, H | C | T, RO, Fields(&[("policyArn", PolicyArn), ("versionId", Lit("v3"))])),
    act(IAM, "ListAttachedRolePolicies", 40, H | C | T, RO, Fields(ROLE)),
    act(IAM, "ListRolePolicies", 30, C | T, RO, Fields(ROLE)),
    act(IAM, "ListPolicies", 15, H | T, RO, Fields(&[("scope", Lit("Local")), ("onlyAttached", Bool(false))])),
    act(IAM, "ListAccessKeys", 20, H | T, RO, Fields(USER)),
    act(IAM, "ListMFADevices", 15, H | T | R, RO, Fields(USER)),
    act(IAM, "GetAccountSummary", 10, T | R, RO, Null),
    act(IAM, "GetAccountAuthorizationDetails", 3, T, RO, Null),
    act(IAM, "ListGroupsForUser", 10, H | T, RO, Fields(USER)),
    act(IAM, "ListInstanceProfiles", 8, C | T, RO, Null),
    act(IAM, "GenerateCredentialReport", 4, T, RO, Null),
    act(IAM, "GetCredentialReport", 4, T, RO, Null),
    act(IAM, "CreateRole", 3, H | C, W, Fields(&[("roleName", Role), ("path", Lit("/")), ("assumeRolePolicyDocument", Lit(ASSUME_POLICY))])),
    act(IAM, "DeleteRole", 1, H | C, W, Fields(ROLE)),
    act(IAM, "AttachRolePolicy", 3, H | C, W, Fields(ROLE_POLICY)),
    act(IAM, "DetachRolePolicy", 1, H | C, W, Fields(ROLE_POLICY)),
    act(IAM, "PutRolePolicy", 2, C, W, Fields(&[("roleName", Role), ("policyName", Lit("braket-read")), ("policyDocument", Lit(INLINE_POLICY))])),
    act(IAM, "CreateAccessKey", 2, H | R, W, Fields(USER)),
    act(IAM, "UpdateAccessKey", 1, H, W, Fields(&[("userName", User), ("accessKeyId", Fresh("AKIA")), ("status", Lit("Inactive"))])),
    act(IAM, "DeleteAccessKey", 1, H, W, Fields(&[("userName", User), ("accessKeyId", Fresh("AKIA"))])),
    act(IAM, "CreateServiceLinkedRole", 1, S | H, W, Fields(&[("aWSServiceName", Lit("ecs.amazonaws.com"))])),

    act(STS, "AssumeRole", 600, H | C | A | S | T, RO, AssumeRole),
    act(STS, "GetCallerIdentity", 350, H | C | A | T, RO, Null),
    act(STS, "GetSessionToken", 5, H, RO, Fields(&[("durationSeconds", Num(43_200))])),
    act(STS, "GetAccessKeyInfo", 1, T, RO, Fields(&[("accessKeyId", Fresh("AKIA"))])),

    act(KMS, "Decrypt", 700, H | C | A | S, RO, Kms(K::Decrypt)),
    act(KMS, "GenerateDataKey", 300, H | C | A | S, RO, Kms(K::GenerateDataKey)),
    act(KMS, "Encrypt", 60, A | S, RO, Kms(K::Encrypt)),
    act(KMS, "DescribeKey", 50, H | C | A | T, RO, Fields(KEY)),
    act(KMS, "ListAliases", 30, H | C | T, RO, Null),
    act(KMS, "ListKeys", 15, T, RO, Null),
    act(KMS, "GetKeyPolicy", 15, T, RO, Fields(&[("keyId", KmsArn), ("policyName", Lit("default"))])),
    act(KMS, "GetKeyRotationStatus", 15, T, RO, Fields(KEY)),
    act(KMS, "ListResourceTags", 10, T, RO, Fields(KEY)),
    act(KMS, "RetireGrant", 3, S, W, Fields(&[("keyId", KmsArn), ("grantId", Digest)])),
    act(KMS, "ScheduleKeyDeletion", 1, H, W, Fields(&[("keyId", KmsArn), ("pendingWindowInDays", Num(30))])),

    act(LAMBDA, "Invoke", 200, H | C | A | S, D, LambdaInvoke),
    act(LAMBDA, "GetFunction20150331v2", 40, H | C | T, RO, Fields(FUNCTION)),
    act(LAMBDA, "ListFunctions20150331", 50, H | C | T, RO, Null),
    act(LAMBDA, "GetFunctionConfiguration20150331v2", 30, C | T, RO, Fields(FUNCTION)),
    act(LAMBDA, "UpdateFunctionCode20150331v2", 8, C, W, Fields(&[("functionName", Function), ("publish", Bool(true)), ("dryRun", Bool(false))])),
    act(LAMBDA, "UpdateFunctionConfiguration20150331v2", 4, C, W, Fields(&[("functionName", Function), ("timeout", Num(300)), ("memorySize", Num(1024))])),
    act(LAMBDA, "AddPermission20150331v2", 2, C, W, Fields(&[("functionName", Function), ("statementId", Uuid), ("action", Lit("lambda:InvokeFunction")), ("principal", Lit("events.amazonaws.com"))])),
    act(LAMBDA, "GetPolicy20150331v2", 10, T, RO, Fields(FUNCTION)),
    act(LAMBDA, "ListVersionsByFunction20150331", 10, C, RO, Fields(FUNCTION)),
    act(LAMBDA, "ListEventSourceMappings20150331", 10, C | T, RO, Fields(FUNCTION)),
    act(LAMBDA, "ListTags20170331", 10, T, RO, Fields(&[("resource", FunctionArn)])),
    act(LAMBDA, "PublishVersion20150331", 3, C, W, Fields(FUNCTION)),

    act(LOGS, "CreateLogStream", 200, A | S, W, Fields(&[("logGroupName", LogGroup), ("logStreamName", Digest)])),
    act(LOGS, "DescribeLogGroups", 60, H | C | T, RO, Null),
    act(LOGS, "DescribeLogStreams", 45, H | C | T, RO, Fields(&[("logGroupName", LogGroup), ("orderBy", Lit("LastEventTime")), ("descending", Bool(true))])),
    act(LOGS, "FilterLogEvents", 35, H, RO, Fields(&[("logGroupName", LogGroup), ("interleaved", Bool(true)), ("filterPattern", Lit("ERROR"))])),
    act(LOGS, "GetLogEvents", 50, H | A, RO, Fields(&[("logGroupName", LogGroup), ("logStreamName", Digest), ("startFromHead", Bool(false))])),
    act(LOGS, "StartQuery", 12, H, RO, Fields(&[("logGroupName", LogGroup), ("queryString", Lit("fields @timestamp, @message | filter @message like /FAILED/ | sort @timestamp desc | limit 50"))])),
    act(LOGS, "GetQueryResults", 30, H, RO, Fields(&[("queryId", Uuid)])),
    act(LOGS, "CreateLogGroup", 4, C | S, W, Fields(LOG_GROUP)),
    act(LOGS, "PutRetentionPolicy", 3, C, W, Fields(&[("logGroupName", LogGroup), ("retentionInDays", Num(90))])),
    act(LOGS, "DescribeMetricFilters", 8, T, RO, Null),

    act(CLOUDWATCH, "GetMetricData", 150, H | A | T, RO, MetricData),
    act(CLOUDWATCH, "GetMetricStatistics", 60, T, RO, Fields(&[("namespace", Lit("AWS/Lambda")), ("metricName", Lit("Errors")), ("period", Num(300)), ("statistics", Lit("Sum"))])),
    act(CLOUDWATCH, "ListMetrics", 40, H | T, RO, Fields(&[("namespace", Lit("AWS/SQS"))])),
    act(CLOUDWATCH, "DescribeAlarms", 70, H | T, RO, Fields(&[("maxRecords", Num(100))])),
    act(CLOUDWATCH, "PutMetricAlarm", 3, C, W, Fields(&[("alarmName", Alarm), ("namespace", Lit("AWS/Lambda")), ("metricName", Lit("Errors")), ("threshold", Num(5))])),
    act(CLOUDWATCH, "DescribeAlarmHistory", 8, H, RO, Fields(&[("alarmName", Alarm), ("historyItemType", Lit("StateUpdate"))])),
    act(CLOUDWATCH, "GetDashboard", 15, H, RO, Fields(&[("dashboardName", Lit("braket-overview"))])),
    act(CLOUDWATCH, "ListDashboards", 8, H, RO, Null),
    act(CLOUDWATCH, "PutDashboard", 2, H, W, Fields(&[("dashboardName", Lit("braket-overview"))])),

    act(SSO, "ListInstances", 10, H | T, RO, Null),
    act(SSO, "ListPermissionSets", 12, H | T, RO, Fields(SSO_INSTANCE)),
    act(SSO, "DescribePermissionSet", 15, H | T, RO, Fields(PERMISSION_SET)),
    act(SSO, "ListAccountAssignments", 8, T, RO, Fields(&[("instanceArn", SsoInstance), ("accountId", Account), ("permissionSetArn", PermissionSet)])),
    act(SSO, "ListAccountsForProvisionedPermissionSet", 5, T, RO, Fields(PERMISSION_SET)),
    act(SSO, "CreateAccountAssignment", 1, H, W, Fields(&[("instanceArn", SsoInstance), ("targetId", Account), ("targetType", Lit("AWS_ACCOUNT")), ("permissionSetArn", PermissionSet)])),
    act(SSO, "ProvisionPermissionSet", 1, H, W, Fields(&[("instanceArn", SsoInstance), ("permissionSetArn", PermissionSet), ("targetType", Lit("ALL_PROVISIONED_ACCOUNTS"))])),

    act(SIGNIN, "ConsoleLogin", 40, H | R, W, SignIn),
    act(SIGNIN, "SwitchRole", 10, H, W, SignIn),
    act(SIGNIN, "CheckMfa", 15, H | R, W, SignIn),

    act(CLOUDTRAIL, "LookupEvents", 40, H | T, RO, Fields(&[("maxResults", Num(50))])),
    act(CLOUDTRAIL, "DescribeTrails", 30, H | T, RO, Fields(&[("includeShadowTrails", Bool(false))])),
    act(CLOUDTRAIL, "GetTrailStatus", 25, T, RO, Fields(&[("name", TrailArn)])),
    act(CLOUDTRAIL, "GetEventSelectors", 15, T, RO, Fields(TRAIL)),
    act(CLOUDTRAIL, "ListTrails", 10, T, RO, Null),
    act(CLOUDTRAIL, "GetInsightSelectors", 8, T, RO, Fields(TRAIL)),
    act(CLOUDTRAIL, "StopLogging", 1, H, W, Fields(&[("name", TrailArn)])),
    act(CLOUDTRAIL, "StartLogging", 1, H, W, Fields(&[("name", TrailArn)])),
    act(CLOUDTRAIL, "PutEventSelectors", 1, C, W, Fields(&[("trailName", Trail)])),

    act(SECRETS, "GetSecretValue", 250, C | A, RO, Fields(SECRET)),
    act(SECRETS, "DescribeSecret", 40, H | C | T, RO, Fields(SECRET)),
    act(SECRETS, "ListSecrets", 30, H | T, RO, Null),
    act(SECRETS, "PutSecretValue", 3, C | A, W, Fields(&[("secretId", Secret), ("clientRequestToken", Uuid)])),
    act(SECRETS, "CreateSecret", 1, C, W, Fields(&[("name", Secret), ("clientRequestToken", Uuid)])),
    act(SECRETS, "RotateSecret", 2, S, W, Fields(&[("secretId", Secret), ("clientRequestToken", Uuid)])),
    act(SECRETS, "GetResourcePolicy", 5, T, RO, Fields(SECRET)),
    act(SECRETS, "DeleteSecret", 1, H, W, Fields(&[("secretId", Secret), ("recoveryWindowInDays", Num(30))])),

    act(ECR, "GetAuthorizationToken", 150, C | A | S, RO, Null),
    act(ECR, "BatchGetImage", 80, A | S, RO, Fields(&[("repositoryName", Repo), ("registryId", Account), ("imageIds", Lit("latest"))])),
    act(ECR, "GetDownloadUrlForLayer", 200, A | S, RO, Fields(&[("repositoryName", Repo), ("registryId", Account), ("layerDigest", Digest)])),
    act(ECR, "BatchCheckLayerAvailability", 30, C, RO, Fields(REPO)),
    act(ECR, "InitiateLayerUpload", 10, C, W, Fields(REPO)),
    act(ECR, "CompleteLayerUpload", 10, C, W, Fields(&[("repositoryName", Repo), ("registryId", Account), ("uploadId", Uuid)])),
    act(ECR, "PutImage", 8, C, W, Fields(&[("repositoryName", Repo), ("registryId", Account), ("imageTag", Digest)])),
    act(ECR, "DescribeImages", 25, C | T, RO, Fields(REPO)),
    act(ECR, "DescribeRepositories", 20, C | T, RO, Null),
    act(ECR, "DescribeImageScanFindings", 8, T, RO, Fields(REPO)),

    act(ECS, "DescribeTasks", 60, C | A | T, RO, Fields(&[("cluster", Cluster), ("tasks", Digest)])),
    act(ECS, "ListTasks", 50, C | A | T, RO, Fields(CLUSTER)),
    act(ECS, "DescribeServices", 40, C | T, RO, Fields(CLUSTER)),
    act(ECS, "ListServices", 25, C | T, RO, Fields(CLUSTER)),
    act(ECS, "DescribeClusters", 25, C | T, RO, Fields(&[("clusters", Cluster)])),
    act(ECS, "RunTask", 15, C | A, W, Fields(&[("cluster", Cluster), ("taskDefinition", Lit("qpu-scheduler:42")), ("count", Num(1)), ("launchType", Lit("FARGATE"))])),
    act(ECS, "StopTask", 3, H, W, Fields(&[("cluster", Cluster), ("task", Digest), ("reason", Lit("Stopped by operator"))])),
    act(ECS, "UpdateService", 5, C, W, Fields(&[("cluster", Cluster), ("service", Lit("results-api")), ("forceNewDeployment", Bool(true))])),
    act(ECS, "RegisterTaskDefinition", 4, C, W, Fields(&[("family", Lit("qpu-scheduler")), ("networkMode", Lit("awsvpc")), ("cpu", Lit("1024")), ("memory", Lit("2048"))])),
    act(ECS, "DescribeTaskDefinition", 20, C, RO, Fields(&[("taskDefinition", Lit("qpu-scheduler"))])),
    act(ECS, "DiscoverPollEndpoint", 30, A, RO, Fields(&[("containerInstance", Digest), ("cluster", Cluster)])),

    act(DYNAMODB, "DescribeTable", 100, C | A, RO, Fields(TABLE)),
    act(DYNAMODB, "ListTables", 25, H | C | T, RO, Null),
    act(DYNAMODB, "DescribeTimeToLive", 10, T, RO, Fields(TABLE)),
    act(DYNAMODB, "DescribeContinuousBackups", 10, T, RO, Fields(TABLE)),
    act(DYNAMODB, "UpdateTable", 2, C, W, Fields(&[("tableName", Table), ("billingMode", Lit("PAY_PER_REQUEST"))])),
    act(DYNAMODB, "CreateBackup", 3, S, W, Fields(&[("tableName", Table), ("backupName", Digest)])),
    act(DYNAMODB, "ListBackups", 5, T, RO, Null),
    act(DYNAMODB, "ListTagsOfResource", 8, T, RO, Fields(&[("resourceArn", TableArn)])),

    act(SNS, "Publish", 120, A | S, D, Fields(&[("topicArn", TopicArn), ("subject", Lit("Quantum task state change"))])),
    act(SNS, "ListTopics", 20, H | T, RO, Null),
    act(SNS, "GetTopicAttributes", 30, C | T, RO, Fields(TOPIC)),
    act(SNS, "ListSubscriptionsByTopic", 15, H | T, RO, Fields(TOPIC)),
    act(SNS, "Subscribe", 2, C, W, Fields(&[("topicArn", TopicArn), ("protocol", Lit("sqs")), ("returnSubscriptionArn", Bool(true))])),
    act(SNS, "SetTopicAttributes", 1, C, W, Fields(&[("topicArn", TopicArn), ("attributeName", Lit("Policy"))])),

    act(SQS, "SendMessage", 150, A, D, Fields(QUEUE)),
    act(SQS, "ReceiveMessage", 250, A, RD, Fields(&[("queueUrl", QueueUrl), ("maxNumberOfMessages", Num(10)), ("waitTimeSeconds", Num(20))])),
    act(SQS, "DeleteMessage", 150, A, D, Fields(QUEUE)),
    act(SQS, "GetQueueAttributes", 50, A | C | T, RO, Fields(&[("queueUrl", QueueUrl), ("attributeNames", Lit("All"))])),
    act(SQS, "ListQueues", 20, H | T, RO, Null),
    act(SQS, "GetQueueUrl", 40, A, RO, Fields(&[("queueName", QueueName)])),
    act(SQS, "SetQueueAttributes", 2, C, W, Fields(QUEUE)),
    act(SQS, "PurgeQueue", 1, H, W, Fields(QUEUE)),
    act(SQS, "ListQueueTags", 5, T, RO, Fields(QUEUE)),

    act(CONFIG, "PutEvaluations", 80, A | S, W, Fields(&[("testMode", Bool(false))])),
    act(CONFIG, "DescribeConfigRules", 20, T, RO, Null),
    act(CONFIG, "DescribeComplianceByConfigRule", 15, T, RO, Fields(&[("configRuleNames", ConfigRule)])),
    act(CONFIG, "GetComplianceDetailsByConfigRule", 15, H | T, RO, Fields(&[("configRuleName", ConfigRule), ("limit", Num(100))])),
    act(CONFIG, "DescribeConfigurationRecorderStatus", 10, T, RO, Null),
    act(CONFIG, "DescribeDeliveryChannels", 5, T, RO, Null),
    act(CONFIG, "StartConfigRulesEvaluation", 2, H, W, Fields(&[("configRuleNames", ConfigRule)])),
    act(CONFIG, "GetResourceConfigHistory", 10, H, RO, Fields(&[("resourceType", Lit("AWS::S3::Bucket")), ("resourceId", Bucket)])),

    act(SSM, "GetParameter", 200, H | C | A, RO, Fields(&[("name", Parameter), ("withDecryption", Bool(true))])),
    act(SSM, "GetParametersByPath", 40, C | A, RO, Fields(&[("path", Lit("/research/braket")), ("recursive", Bool(true)), ("withDecryption", Bool(true))])),
    act(SSM, "DescribeParameters", 15, H | T, RO, Null),
    act(SSM, "PutParameter", 3, C, W, Fields(&[("name", Parameter), ("type", Lit("String")), ("overwrite", Bool(true))])),
    act(SSM, "UpdateInstanceInformation", 150, A, W, Fields(&[("instanceId", Instance), ("agentVersion", Lit("3.3.131.0")), ("agentStatus", Lit("Active")), ("platformType", Lit("Linux"))])),
    act(SSM, "SendCommand", 2, H, W, Fields(&[("documentName", Lit("AWS-RunShellScript")), ("instanceIds", Instance)])),
    act(SSM, "StartSession", 5, H, W, Fields(&[("target", Instance)])),
    act(SSM, "DescribeInstanceInformation", 20, H | T, RO, Null),

    act(CLOUDFORMATION, "DescribeStacks", 60, H | C | T, RO, Fields(STACK)),
    act(CLOUDFORMATION, "DescribeStackEvents", 40, H | C, RO, Fields(STACK)),
    act(CLOUDFORMATION, "ListStacks", 15, H | T, RO, Null),
    act(CLOUDFORMATION, "GetTemplate", 10, C, RO, Fields(STACK)),
    act(CLOUDFORMATION, "DescribeStackResources", 20, C, RO, Fields(STACK)),
    act(CLOUDFORMATION, "CreateChangeSet", 5, C, W, Fields(&[("stackName", Stack), ("changeSetName", Digest), ("changeSetType", Lit("UPDATE"))])),
    act(CLOUDFORMATION, "DescribeChangeSet", 10, C, RO, Fields(&[("stackName", Stack), ("changeSetName", Digest)])),
    act(CLOUDFORMATION, "ExecuteChangeSet", 4, C, W, Fields(&[("stackName", Stack), ("changeSetName", Digest)])),
    act(CLOUDFORMATION, "DeleteStack", 1, H, W, Fields(STACK)),
    act(CLOUDFORMATION, "ValidateTemplate", 6, C, RO, Null),
];
