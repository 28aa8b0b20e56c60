-- AlterTable
ALTER TABLE "onboarding_steps" ADD COLUMN     "runner_job_id" TEXT;
