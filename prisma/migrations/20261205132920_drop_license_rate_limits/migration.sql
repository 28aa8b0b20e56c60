-- DropTable
DROP TABLE "license_rate_limits";
